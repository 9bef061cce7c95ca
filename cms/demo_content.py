"""German demo content for the seed_demo command: fictional, names roles not people."""

HOME_INTRO = (
    "Schön, dass du da bist: Hier können junge Menschen aus Altenhagen und Wehringhausen "
    "sagen, was sie bewegt."
)

NEWS_INDEX_INTRO = (
    "Hier erfährst du, was im Projekt gerade los ist, welche Angebote es gibt und was aus "
    "euren Antworten geworden ist."
)

DASHBOARD_INTRO = (
    "Auf dieser Seite siehst du, was junge Menschen in unseren Umfragen geantwortet haben, "
    "und zwar ganz anonym. "
    "Ergebnisse von weniger als fünf Personen zeigen wir nicht, damit niemand erkannt "
    "werden kann."
)

NEWS = [
    {
        "slug": "ergebnisse-der-fruehjahrsumfrage",
        "title": "Eure Antworten aus dem Frühjahr: Das haben wir gelernt",
        "date": "2026-06-03",
        "quarter": "beide",
        "intro": (
            "Viele von euch haben im Frühjahr bei unserer Umfrage mitgemacht. "
            "Hier erzählen wir, was uns aufgefallen ist."
        ),
        "body": [
            "Im Frühjahr haben Jugendliche und junge Erwachsene aus Altenhagen und "
            "Wehringhausen anonym Fragen zu ihrem Alltag, ihren Stärken und ihrem Quartier "
            "beantwortet. Danke an alle, die sich die Zeit genommen haben!",
            "Viele haben geschrieben, dass Freundinnen und Freunde, Familie und feste "
            "Treffpunkte ihnen Halt geben. Der Jugendtreff wurde dabei oft genannt. "
            "Gleichzeitig wünschen sich viele mehr Orte draußen, an denen man sich ohne "
            "Ärger aufhalten kann.",
            "Ein wichtiges Thema war die Zeit nach der Schule: Einige fühlen sich bei der "
            "Suche nach einem Ausbildungsplatz allein gelassen oder wissen nicht, wen sie "
            "fragen können. Abends fühlen sich manche auf einzelnen Wegen und Plätzen "
            "nicht sicher.",
            "Die Projektleitung von Caritas Hagen und Diakonie Mark-Ruhr hat die "
            "Ergebnisse mit dem Quartiersmanagement Wehringhausen und dem Jugendamt der "
            "Stadt Hagen besprochen. Erste Ideen daraus sind eine neue Streetwork-Tour und "
            "mehr Begleitung beim Übergang in Ausbildung und Beruf.",
        ],
    },
    {
        "slug": "streetwork-dienstagstour-bodelschwinghplatz",
        "title": "Neu: Das Streetwork-Team ist dienstags am Bodelschwinghplatz",
        "date": "2026-06-16",
        "quarter": "Wehringhausen",
        "intro": (
            "Ab sofort ist das Streetwork-Team jeden Dienstagnachmittag in Wehringhausen "
            "unterwegs. Sprich uns einfach an!"
        ),
        "body": [
            "Jeden Dienstag von 15 bis 19 Uhr ist das Streetwork-Team von Caritas Hagen "
            "und Diakonie Mark-Ruhr in Wehringhausen unterwegs. Die Tour startet am "
            "Bodelschwinghplatz und führt über den Wilhelmsplatz durch das Quartier.",
            "Du kannst mit uns über alles reden: Stress zu Hause, Ärger in der Schule, "
            "Geldsorgen oder einfach darüber, was dich gerade beschäftigt. Alles bleibt "
            "unter uns, und du musst dafür keinen Termin machen.",
            "Die Idee für die Dienstagstour kommt aus der Frühjahrsumfrage. Viele von "
            "euch haben sich gewünscht, dass Ansprechpersonen dort sind, wo ihr euch "
            "sowieso trefft.",
            "Wenn du Hilfe bei einem Antrag, einer Bewerbung oder einem Termin beim Amt "
            "brauchst, schauen wir gemeinsam, wer weiterhelfen kann, und begleiten dich "
            "auf Wunsch auch dorthin.",
        ],
    },
    {
        "slug": "fensterberatung-im-projektbuero",
        "title": "Fensterberatung: Fragen stellen, ohne reinkommen zu müssen",
        "date": "2026-07-01",
        "quarter": "Altenhagen",
        "intro": (
            "Du willst etwas wissen, aber nicht gleich ins Büro kommen? Bei unserer "
            "Fensterberatung reicht ein Klopfen ans Fenster."
        ),
        "body": [
            "Jeden Mittwoch von 14 bis 17 Uhr öffnen wir im Projektbüro in der "
            "Musterstraße 1 das Fenster zur Straße. Du kannst einfach stehen bleiben und "
            "deine Frage stellen, ganz ohne Anmeldung.",
            "Das Streetwork-Team und eine Kollegin aus der Berufsbegleitung beantworten "
            "Fragen zu Schule, Ausbildung, Geld, Wohnen oder Ärger mit Behörden. Wenn es "
            "länger dauert, kannst du gern reinkommen oder einen Termin ausmachen.",
            "Manchmal ist der erste Schritt der schwerste. Mit der Fensterberatung "
            "möchten wir es leichter machen, uns kennenzulernen.",
            "Du erreichst uns auch telefonisch unter 02331 000 000. Bei schlechtem "
            "Wetter gibt es Tee durchs Fenster.",
        ],
    },
    {
        "slug": "sommer-fussballturnier-altenhagen",
        "title": "Anpfiff: Sommer-Fußballturnier in Altenhagen",
        "date": "2026-07-22",
        "quarter": "Altenhagen",
        "intro": (
            "Bildet ein Team und macht mit beim Fußballturnier in Altenhagen! Mitmachen "
            "ist kostenlos, Spaß ist Pflicht."
        ),
        "body": [
            "Am letzten Samstag der Sommerferien laden der Jugendtreff, Caritas Hagen und "
            "Diakonie Mark-Ruhr zum Fußballturnier auf den Bolzplatz nahe der "
            "Altenhagener Brücke ein. Los geht es um 11 Uhr.",
            "Ein Team besteht aus fünf Spieler*innen plus Auswechselspieler*innen. "
            "Gemischte Teams sind ausdrücklich erwünscht, und es gibt zwei Altersgruppen: "
            "10 bis 15 Jahre und 16 bis 27 Jahre.",
            "Anmelden könnt ihr euch im Jugendtreff oder beim Streetwork-Team. Wer noch "
            "kein Team hat, kommt einfach vorbei, wir finden einen Platz für dich.",
            "Neben dem Turnier gibt es Musik, Getränke und einen Grillstand, den "
            "Jugendliche aus dem Jugendtreff mitorganisieren. Fairness zählt bei uns mehr "
            "als Tore.",
        ],
    },
    {
        "slug": "umfrage-wie-gehts-dir-im-quartier",
        "title": "Umfrage gestartet: „Wie geht's dir im Quartier?“",
        "date": "2026-09-07",
        "quarter": "beide",
        "intro": (
            "Unsere neue Umfrage ist online. Sie dauert etwa zehn Minuten und ist komplett anonym."
        ),
        "body": [
            "Ab heute kannst du bei der Umfrage „Wie geht's dir im Quartier?“ mitmachen. "
            "Sie richtet sich an junge Menschen zwischen 10 und 27 Jahren, die in "
            "Altenhagen oder Wehringhausen wohnen, zur Schule gehen oder ihre Freizeit "
            "verbringen.",
            "Wir fragen zum Beispiel, wo du dich wohlfühlst, was dir Kraft gibt, wer dir "
            "bei Problemen hilft und was in deinem Viertel besser werden sollte. Du "
            "brauchst keinen Namen und keine E-Mail-Adresse anzugeben.",
            "Was passiert mit deinen Antworten? Wir werten sie nur zusammen aus und "
            "zeigen die Ergebnisse auf dieser Seite. Gruppen mit weniger als fünf "
            "Personen werden nicht angezeigt, damit niemand erkannt werden kann.",
            "Die Ergebnisse besprechen wir mit dem Quartiersmanagement Wehringhausen und "
            "dem Jugendamt der Stadt Hagen. Außerdem laden wir euch zu einem Treffen ein, "
            "bei dem ihr selbst mitentscheidet, was daraus folgen soll.",
        ],
    },
    {
        "slug": "coaching-fuer-den-ausbildungsplatz",
        "title": "Schule fertig, und jetzt? Coaching auf dem Weg zur Ausbildung",
        "date": "2026-09-23",
        "quarter": "beide",
        "intro": (
            "Du suchst einen Ausbildungsplatz und weißt nicht, wo du anfangen sollst? "
            "Unser Coaching begleitet dich Schritt für Schritt."
        ),
        "body": [
            "Viele Jugendliche verlassen die Schule ohne einen Plan, wie es weitergeht. "
            "Das ist völlig normal, und genau dafür gibt es unser Coaching zum Übergang "
            "von der Schule in Ausbildung und Beruf.",
            "Gemeinsam finden wir heraus, was du gut kannst und was dich interessiert. "
            "Wir schreiben zusammen Bewerbungen, üben Vorstellungsgespräche und suchen "
            "Betriebe in Hagen, die Ausbildungsplätze anbieten.",
            "Das Coaching ist kostenlos und freiwillig. Du bestimmst das Tempo, und wir "
            "bleiben auch dann an deiner Seite, wenn es mal nicht klappt oder du eine "
            "Absage bekommst.",
            "Melde dich bei der Fensterberatung, beim Streetwork-Team oder telefonisch "
            "unter 02331 000 000. Du kannst auch gern eine Freundin oder einen Freund "
            "mitbringen.",
        ],
    },
    {
        "slug": "mentorinnen-und-mentoren-gesucht",
        "title": "Mentor*innen gesucht: Schenk jungen Menschen deine Zeit",
        "date": "2026-10-08",
        "quarter": "beide",
        "intro": (
            "Du hast ein paar Stunden im Monat Zeit und ein offenes Ohr? Dann werde "
            "ehrenamtliche Mentorin oder ehrenamtlicher Mentor!"
        ),
        "body": [
            "Für unser Mentoring-Programm suchen wir Ehrenamtliche, die Jugendliche aus "
            "Altenhagen und Wehringhausen ein Stück auf ihrem Weg begleiten, zum Beispiel "
            "bei der Berufsorientierung, bei Hausaufgaben oder einfach als Ansprechperson.",
            "Du brauchst keine pädagogische Ausbildung. Wichtig sind Geduld, "
            "Verlässlichkeit und Interesse an jungen Menschen. Ob Studentin, Handwerker "
            "oder Rentnerin: Alle sind willkommen.",
            "Eine Mentorin, die schon seit einem Jahr dabei ist, sagt: „Am schönsten ist "
            "es, wenn man merkt, dass jemand wieder an sich glaubt.“",
            "Caritas Hagen und Diakonie Mark-Ruhr bereiten dich in einer Schulung auf "
            "deine Aufgabe vor. Regelmäßige Austauschtreffen mit anderen Mentor*innen "
            "und die Begleitung durch die Projektleitung sind selbstverständlich.",
        ],
    },
    {
        "slug": "aufraeumaktion-wehringhausen",
        "title": "Gemeinsam anpacken: Aufräumaktion in Wehringhausen",
        "date": "2026-11-04",
        "quarter": "Wehringhausen",
        "intro": (
            "Jugendliche haben sich einen saubereren Wilhelmsplatz gewünscht. Jetzt "
            "räumen wir gemeinsam auf, und du kannst mitmachen!"
        ),
        "body": [
            "In der Umfrage haben viele geschrieben, dass sie sich an manchen Orten im "
            "Quartier wegen Müll und Scherben nicht gern aufhalten. Daraus ist die Idee "
            "für eine gemeinsame Aufräumaktion entstanden.",
            "Am Samstag, 14. November, treffen wir uns um 10 Uhr am Wilhelmsplatz. Von "
            "dort aus ziehen wir in kleinen Gruppen durch Wehringhausen, auch zum "
            "Bodelschwinghplatz.",
            "Organisiert wird die Aktion von Jugendlichen aus dem Quartier zusammen mit "
            "dem Quartiersmanagement Wehringhausen und dem Streetwork-Team. Handschuhe, "
            "Greifzangen und Müllsäcke werden gestellt.",
            "Zum Abschluss gibt es Suppe und warme Getränke. Wer mag, kann direkt "
            "überlegen, wie wir einzelne Ecken des Quartiers schöner gestalten können.",
        ],
    },
]
