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

NEWS_TOPICS = {
    "ergebnisse-der-fruehjahrsumfrage": ["Umfrage", "Beteiligung"],
    "streetwork-dienstagstour-bodelschwinghplatz": ["Streetwork"],
    "fensterberatung-im-projektbuero": ["Beratung", "Streetwork"],
    "sommer-fussballturnier-altenhagen": ["Freizeit"],
    "umfrage-wie-gehts-dir-im-quartier": ["Umfrage", "Beteiligung"],
    "coaching-fuer-den-ausbildungsplatz": ["Coaching", "Ausbildung"],
    "mentorinnen-und-mentoren-gesucht": ["Mentoring", "Ehrenamt"],
    "aufraeumaktion-wehringhausen": ["Beteiligung", "Freizeit"],
}

# News items that show a demo illustration, with the text for people who cannot see it.
NEWS_IMAGES = {
    "streetwork-dienstagstour-bodelschwinghplatz": (
        "Bunte Illustration zur Streetwork-Tour: farbige Kreise über einer grünen Wiese"
    ),
    "sommer-fussballturnier-altenhagen": (
        "Bunte Illustration zum Fußballturnier: farbige Kreise über einer grünen Wiese"
    ),
}

# The home page in every language; the other pages start as aliases of the German ones
# until staff translate them.
HOME_TRANSLATIONS = {
    "de-x-ls": (
        "Deine Stimme im Quartier",
        "Hier bist du richtig. Du wohnst in Altenhagen oder Wehringhausen? "
        "Du bist jung? Dann sag uns deine Meinung.",
    ),
    "en": (
        "Your voice in the quarter",
        "Good to see you: here young people from Altenhagen and Wehringhausen can say "
        "what matters to them.",
    ),
    "tr": (
        "Mahallede senin sesin",
        "Burada olman güzel: Altenhagen ve Wehringhausen'daki gençler burada kendileri "
        "için neyin önemli olduğunu söyleyebilir.",
    ),
    "ar": (
        "صوتك في الحي",
        "يسعدنا وجودك هنا: هنا يمكن للشباب من ألتنهاغن وفيرينغهاوزن أن يقولوا ما يهمهم.",
    ),
    "ro": (
        "Vocea ta în cartier",
        "Ne bucurăm că ești aici: aici tinerii din Altenhagen și Wehringhausen pot spune "
        "ce contează pentru ei.",
    ),
    "bg": (
        "Твоят глас в квартала",
        "Радваме се, че си тук: тук младите хора от Алтенхаген и Веринхаузен могат да "
        "кажат какво е важно за тях.",
    ),
    "pl": (
        "Twój głos w dzielnicy",
        "Dobrze, że jesteś: tutaj młodzi ludzie z Altenhagen i Wehringhausen mogą "
        "powiedzieć, co jest dla nich ważne.",
    ),
    "uk": (
        "Твій голос у кварталі",
        "Добре, що ти тут: тут молоді люди з Альтенгагена та Верінггаузена можуть "
        "сказати, що для них важливо.",
    ),
}

CONTACT = {
    "title": "Kontakt",
    "slug": "kontakt",
    "intro": (
        "Du hast eine Frage, brauchst Hilfe oder willst einfach reden? Du erreichst uns "
        "auf vielen Wegen, auch ohne ins Büro zu kommen."
    ),
    "phone": "02331 000 000",
    "phone_hours": "Montag bis Freitag, 10 bis 16 Uhr",
    "messenger": "Signal und WhatsApp: 0151 000 000 00 (wir antworten werktags bis 18 Uhr)",
    "window_consultation": (
        "Mittwochs von 14 bis 17 Uhr öffnen wir im Projektbüro Altenhagen das Fenster zur "
        "Straße. Klopf einfach an, ganz ohne Anmeldung.\n"
        "Donnerstags von 15 bis 17 Uhr gibt es die Fensterberatung auch im Quartiersbüro "
        "Wehringhausen."
    ),
    "offices": [
        {
            "organisation": "Caritas Hagen",
            "name": "Projektbüro Altenhagen",
            "address": "Musterstraße 1\n58097 Hagen-Altenhagen",
            "office_hours": "Montag und Mittwoch 14 bis 18 Uhr\nFreitag 10 bis 13 Uhr",
            "phone": "02331 000 001",
        },
        {
            "organisation": "Diakonie Mark-Ruhr",
            "name": "Quartiersbüro Wehringhausen",
            "address": "Beispielweg 12\n58089 Hagen-Wehringhausen",
            "office_hours": "Dienstag und Donnerstag 14 bis 18 Uhr",
            "phone": "02331 000 002",
        },
    ],
}

ABOUT = {
    "title": "Über das Projekt",
    "slug": "projekt",
    "intro": (
        "PaRT heißt: Partizipation, Resilienz, Teilhabe. Caritas Hagen und Diakonie "
        "Mark-Ruhr begleiten junge Menschen zwischen 10 und 27 Jahren in Altenhagen und "
        "Wehringhausen."
    ),
    "body": [
        ("heading", "Was wir machen"),
        (
            "paragraph",
            "<p>Unser Streetwork-Team ist dort unterwegs, wo ihr euch trefft: auf Plätzen, "
            "an der Haltestelle, vor dem Jugendtreff. Wir hören zu, helfen bei Anträgen und "
            "Bewerbungen und begleiten dich auf Wunsch zu Ämtern.</p>"
            "<ul><li><b>Aufsuchende Arbeit:</b> Streetwork-Touren in beiden Quartieren.</li>"
            "<li><b>Coaching:</b> Begleitung von der Schule in Ausbildung und Beruf.</li>"
            "<li><b>Mentoring:</b> Ehrenamtliche Mentor*innen begleiten Jugendliche ein Stück "
            "auf ihrem Weg.</li>"
            "<li><b>Beteiligung:</b> kurze anonyme Umfragen, deren Ergebnisse alle sehen "
            "können.</li></ul>",
        ),
        ("heading", "Mit wem wir zusammenarbeiten"),
        (
            "paragraph",
            "<p>Wir arbeiten eng mit dem Fachbereich Jugend und Soziales der Stadt Hagen und "
            "dem Quartiersmanagement Soziale Stadt Wehringhausen zusammen.</p>",
        ),
    ],
}

ORGANISATIONS = [
    {
        "title": "Caritas Hagen",
        "slug": "caritas-hagen",
        "intro": (
            "Der Caritasverband Hagen ist im Projekt für Altenhagen zuständig. Im "
            "Projektbüro an der Musterstraße arbeiten die Projektleitung Caritas und das "
            "Streetwork-Team."
        ),
        "address": "Projektbüro Altenhagen\nMusterstraße 1\n58097 Hagen-Altenhagen",
        "office_hours": "Montag und Mittwoch 14 bis 18 Uhr\nFreitag 10 bis 13 Uhr",
        "phone": "02331 000 001",
        "email": "altenhagen@example.invalid",
        "body": [
            (
                "paragraph",
                "<p>Im Projektbüro findest du die Fensterberatung, das Coaching für den Weg "
                "in Ausbildung und Beruf und die Ansprechperson für das Mentoring-Programm. "
                "Die Projektleitung Caritas koordiniert die Umfragen gemeinsam mit der "
                "Diakonie.</p>",
            )
        ],
    },
    {
        "title": "Diakonie Mark-Ruhr",
        "slug": "diakonie-mark-ruhr",
        "intro": (
            "Die Diakonie Mark-Ruhr ist im Projekt für Wehringhausen zuständig. Ihr "
            "Quartiersbüro liegt mitten im Viertel, nah am Wilhelmsplatz."
        ),
        "address": "Quartiersbüro Wehringhausen\nBeispielweg 12\n58089 Hagen-Wehringhausen",
        "office_hours": "Dienstag und Donnerstag 14 bis 18 Uhr",
        "phone": "02331 000 002",
        "email": "wehringhausen@example.invalid",
        "body": [
            (
                "paragraph",
                "<p>Von hier aus startet die Streetwork-Tour am Dienstag. Die Projektleitung "
                "Diakonie ist Ansprechpartnerin für das Quartiersmanagement und für "
                "Jugendliche, die im Quartier selbst etwas auf die Beine stellen wollen.</p>",
            )
        ],
    },
]

MENTOR_FORM = {
    "title": "Mentor*in werden",
    "slug": "mentoring",
    "intro": (
        "Du möchtest einen jungen Menschen ein Stück begleiten? Hinterlass uns, wie wir "
        "dich erreichen. Die Projektleitung ruft dich zurück und erzählt dir alles Weitere."
    ),
    "consent_text": (
        "Ich bin einverstanden, dass Caritas Hagen und Diakonie Mark-Ruhr meine Angaben "
        "speichern, um mich wegen des Mentoring-Programms anzurufen oder anzuschreiben. "
        "Die Angaben werden nach 180 Tagen gelöscht. Ich kann meine Einwilligung jederzeit "
        "per Telefon oder E-Mail widerrufen."
    ),
    "thank_you_text": (
        "Danke für dein Interesse! Die Projektleitung meldet sich innerhalb von zwei "
        "Wochen bei dir."
    ),
    "fields": [
        ("Vorname", "singleline", True, "Wie sollen wir dich ansprechen?"),
        ("Telefon oder E-Mail", "singleline", True, "Wie erreichen wir dich am besten?"),
        (
            "Wann hast du Zeit?",
            "multiline",
            False,
            "Zum Beispiel: dienstags nachmittags, zwei Stunden im Monat.",
        ),
    ],
}

FEEDBACK_FORM = {
    "title": "Barriere melden",
    "slug": "barriere-melden",
    "intro": (
        "Ist dir auf dieser Website eine Barriere aufgefallen? Oder brauchst du einen "
        "Inhalt in einer anderen Form? Schreib uns. Wir antworten innerhalb von sechs Wochen."
    ),
    "consent_text": (
        "Ich bin einverstanden, dass meine Nachricht und, wenn ich sie angebe, meine "
        "Kontaktangabe gespeichert werden, um meine Meldung zu bearbeiten. Sie werden nach "
        "90 Tagen gelöscht."
    ),
    "thank_you_text": "Danke für deine Meldung! Wir kümmern uns darum.",
    "fields": [
        ("Was ist dir aufgefallen?", "multiline", True, "Auf welcher Seite, und was genau?"),
        (
            "Wie erreichen wir dich?",
            "singleline",
            False,
            "Nur nötig, wenn du eine Antwort möchtest.",
        ),
    ],
}

LEGAL_PAGES = [
    {
        "title": "Impressum",
        "slug": "impressum",
        "intro": "Angaben nach § 5 Digitale-Dienste-Gesetz und § 18 Medienstaatsvertrag.",
        "body": [
            ("heading", "Anbieter"),
            (
                "paragraph",
                "<p>Diese Website wird gemeinsam betrieben von:</p>"
                "<p>Caritasverband Hagen e. V. (Beispielangaben)<br>Musterstraße 1<br>"
                "58097 Hagen<br>Telefon: 02331 000 000<br>E-Mail: info@example.invalid<br>"
                "Vertreten durch den Vorstand. Vereinsregister: Amtsgericht Hagen, VR 0000</p>"
                "<p>Diakonie Mark-Ruhr gGmbH (Beispielangaben)<br>Beispielweg 12<br>"
                "58089 Hagen<br>Vertreten durch die Geschäftsführung. Handelsregister: "
                "Amtsgericht Hagen, HRB 0000</p>",
            ),
            ("heading", "Verantwortlich für den Inhalt"),
            (
                "paragraph",
                "<p>Projektleitung Caritas und Projektleitung Diakonie, Anschrift wie oben.</p>",
            ),
            ("heading", "Förderung"),
            (
                "paragraph",
                "<p>Das Projekt wird aus öffentlichen Mitteln gefördert. Die Software ist "
                "Open Source.</p>",
            ),
        ],
    },
    {
        "title": "Datenschutz",
        "slug": "datenschutz",
        "intro": (
            "Hier steht genau, was wir speichern, warum, und wann wir es löschen. Kurz "
            "gesagt: Umfragen sind anonym, und wir verfolgen dich nicht."
        ),
        "body": [
            ("heading", "Wenn du die Website besuchst"),
            (
                "paragraph",
                "<p>Wir setzen keine Cookies zur Analyse oder Werbung ein und laden nichts "
                "von fremden Servern: keine Schriften, keine Karten, keine Videos, keine "
                "Statistik-Dienste. Unsere Server speichern keine IP-Adressen in "
                "Protokollen. Nur wenn du ein Formular abschickst, setzt die Website ein "
                "technisch nötiges Cookie (csrftoken), das Formulare vor Missbrauch "
                "schützt. Es enthält keine Angaben über dich.</p>",
            ),
            ("heading", "Wenn du an einer Umfrage teilnimmst"),
            (
                "paragraph",
                "<p>Deine Antworten sind anonym. Wir speichern deine Antworten, die "
                "Sprache, in der du geantwortet hast, und den Tag, aber nicht die Uhrzeit. "
                "Wir speichern keinen Namen, keine E-Mail-Adresse, keine IP-Adresse, kein "
                "Gerät und keinen Browser. Hast du einen Zugangscode benutzt, wird nur "
                "vermerkt, dass der Code verbraucht ist, ohne Verbindung zu deinen "
                "Antworten.</p><p>Ergebnisse zeigen wir nur zusammengefasst, und nur für "
                "Gruppen von mindestens fünf Personen. Freie Texte veröffentlichen wir erst, "
                "wenn jemand vom Team sie gelesen hat.</p>",
            ),
            ("heading", "Wenn du dich als Mentor*in meldest"),
            (
                "paragraph",
                "<p>Wir speichern deinen Vornamen, deine Telefonnummer oder E-Mail-Adresse, "
                "deine Angaben zur Zeit und deine Einwilligung. Nur die Projektleitungen "
                "können sie lesen. Wir löschen sie automatisch nach 180 Tagen, oder früher, "
                "wenn du es möchtest. Rechtsgrundlage ist deine Einwilligung "
                "(Art. 6 Abs. 1 lit. a DSGVO).</p>",
            ),
            ("heading", "Wenn du eine Barriere meldest"),
            (
                "paragraph",
                "<p>Wir speichern deine Nachricht und, falls angegeben, wie wir dich "
                "erreichen. Wir löschen beides nach 90 Tagen.</p>",
            ),
            ("heading", "Deine Rechte"),
            (
                "paragraph",
                "<p>Du hast das Recht auf Auskunft, Berichtigung, Löschung und "
                "Einschränkung der Verarbeitung, und du kannst eine Einwilligung jederzeit "
                "widerrufen. Du kannst dich bei der Landesbeauftragten für Datenschutz und "
                "Informationsfreiheit Nordrhein-Westfalen beschweren.</p>"
                "<p>Datenschutzbeauftragte Person der Träger: datenschutz@example.invalid</p>",
            ),
        ],
    },
    {
        "title": "Barrierefreiheit",
        "slug": "barrierefreiheit",
        "intro": (
            "Erklärung zur Barrierefreiheit nach dem Behindertengleichstellungsgesetz NRW "
            "und der Barrierefreie-Informationstechnik-Verordnung NRW (BITV NRW)."
        ),
        "body": [
            ("heading", "Stand der Vereinbarkeit"),
            (
                "paragraph",
                "<p>Diese Website soll die Anforderungen der WCAG 2.1 auf Stufe AA erfüllen. "
                "Jede Seitenart wird bei jeder Änderung automatisch auf Barrieren geprüft, "
                "auf dem Handy und am Computer, auf Deutsch und auf Arabisch.</p>",
            ),
            ("heading", "Was noch nicht barrierefrei ist"),
            (
                "paragraph",
                "<p>Viele Seiten gibt es noch nicht in allen neun Sprachen; sie werden dann "
                "auf Deutsch angezeigt. Die Übersetzungen der Bedienelemente werden noch von "
                "Muttersprachler*innen geprüft.</p>",
            ),
            ("heading", "Feedback und Kontakt"),
            (
                "paragraph",
                "<p>Ist dir eine Barriere aufgefallen? Nutze das Formular „Barriere melden“ "
                "oder ruf uns an: 02331 000 000.</p>",
            ),
            ("heading", "Schlichtungsverfahren"),
            (
                "paragraph",
                "<p>Wenn du mit unserer Antwort nicht zufrieden bist, kannst du dich an die "
                "Ombudsstelle für barrierefreie Informationstechnik des Landes "
                "Nordrhein-Westfalen wenden.</p>",
            ),
        ],
    },
    {
        "title": "Leichte Sprache",
        "slug": "leichte-sprache",
        "intro": "Hier erklären wir das Projekt in Leichter Sprache.",
        "body": [
            ("heading", "Was ist PaRT?"),
            (
                "paragraph",
                "<p>PaRT ist ein Projekt für junge Menschen.</p>"
                "<p>Die jungen Menschen wohnen in Hagen.</p>"
                "<p>Sie wohnen in Altenhagen oder in Wehringhausen.</p>"
                "<p>Sie sind zwischen 10 und 27 Jahre alt.</p>",
            ),
            ("heading", "Wer macht das Projekt?"),
            (
                "paragraph",
                "<p>Die Caritas Hagen und die Diakonie Mark-Ruhr.</p>"
                "<p>Das sind 2 Vereine.</p><p>Sie helfen Menschen.</p>",
            ),
            ("heading", "Was machen wir?"),
            (
                "paragraph",
                "<ul><li>Wir sind draußen im Viertel.<br>Du kannst uns ansprechen.</li>"
                "<li>Wir helfen dir bei der Suche nach einer Ausbildung.</li>"
                "<li>Wir fragen dich nach deiner Meinung.<br>Das heißt: Umfrage.</li></ul>",
            ),
            ("heading", "Die Umfrage"),
            (
                "paragraph",
                "<p>Die Umfrage ist geheim.</p><p>Du musst deinen Namen nicht sagen.</p>"
                "<p>Niemand weiß, was du geantwortet hast.</p>"
                "<p>Wir zeigen nur, was viele Menschen zusammen geantwortet haben.</p>",
            ),
            ("heading", "So erreichst du uns"),
            (
                "paragraph",
                "<p>Ruf uns an: 02331 000 000.</p>"
                "<p>Oder komm zu unserem Büro.<br>Das Büro ist in der Musterstraße 1.</p>",
            ),
        ],
    },
]

# Free-text answers of the synthetic responses to "Was wünschst du dir für dein Quartier?";
# the approved ones were "moderated" into quotes (already free of anything personal).
WISHES = [
    "Mehr Bänke und Licht am Wilhelmsplatz, dann bleiben wir abends auch mal länger.",
    "Einen Ort drinnen, wo man im Winter einfach chillen kann, ohne was kaufen zu müssen.",
    "Dass uns jemand bei Bewerbungen hilft, der sich wirklich auskennt.",
    "Ein Bolzplatz ohne Scherben.",
    "Mehr Angebote für Mädchen am Abend.",
    "Dass die Erwachsenen uns nicht immer wegschicken.",
    "WLAN im Jugendtreff.",
    "Öfter jemand ansprechbar, auch am Wochenende.",
]
APPROVED_QUOTES = {
    "quartier-check-fruehjahr-2026": [
        "Ich wüsste gar nicht, wen ich fragen soll, wenn es zu Hause Stress gibt.",
        "Mehr Bänke und Licht am Wilhelmsplatz, dann bleiben wir abends auch mal länger.",
    ],
    "quartier-check": [
        "Seit die Streetworker dienstags da sind, weiß ich, wen ich ansprechen kann.",
        "Die Fensterberatung ist gut, da muss man nicht gleich reingehen.",
        "Beim Aufräumen am Wilhelmsplatz hab ich Leute kennengelernt, die ich vorher nur "
        "vom Sehen kannte.",
    ],
}

STORY_DASHBOARD = {
    "title": "Wirkung 2026: Was sich im Quartier verändert hat",
    "slug": "wirkung-2026",
    "intro": (
        "Im Herbst 2025, im Frühjahr 2026 und im Herbst 2026 haben junge Menschen aus "
        "Altenhagen und Wehringhausen dieselben Fragen beantwortet. Zwischen Frühjahr und "
        "Herbst 2026 hat das Projekt gehandelt: mit der Streetwork-Dienstagstour, der "
        "Fensterberatung und der Aufräumaktion. Vorführdaten: Die Antworten auf dieser "
        "Demo-Seite sind erfunden."
    ),
    "opening": (
        "<h2>Worum es geht</h2>"
        "<p>Das Projekt wird im Landesprogramm „Zusammen im Quartier“ gefördert. Auf dieser "
        "Seite ordnen wir die Ergebnisse der Umfragen der <b>Wirkungstreppe</b> von PHINEO "
        "zu: Von den Stufen 1 bis 3 (wir erreichen junge Menschen, sie nehmen Angebote an) "
        "bis zu den Stufen 4 bis 6, auf denen sich bei den jungen Menschen selbst etwas "
        "verändert.</p>"
    ),
    "closing": (
        "<h2>So lesen Sie die Zahlen</h2>"
        "<p>Alle Zahlen stammen aus anonymen Umfragen. Gruppen mit weniger als fünf Personen "
        "zeigen wir nie; dort steht „weniger als 5“. Ein Strich an einem Balken zeigt, wo "
        "der wahre Wert mit 95 % Sicherheit liegt. Wo sich die Striche von vorher und "
        "nachher kaum überlappen, ist die Veränderung größer, als der Zufall allein "
        "erklären würde.</p>"
    ),
    "reach_text": (
        "Beide Quartiere, alle Altersgruppen: So viele junge Menschen haben im Herbst 2026 "
        "mitgemacht."
    ),
    "skills_text": (
        "Mehr junge Menschen wissen, wohin sie sich mit einem Problem wenden können, und "
        "kennen Angebote in ihrer Nähe."
    ),
    "behaviour_text": (
        "Junge Menschen fühlen sich im Quartier wohler und sagen öfter, dass sie "
        "mitbestimmen können."
    ),
    "you_said": (
        "Im Frühjahr haben viele geschrieben, dass sie nicht wissen, an wen sie sich mit "
        "einem Problem wenden können."
    ),
    "we_did": (
        "Seit Juni ist das Streetwork-Team jeden Dienstag am Bodelschwinghplatz unterwegs, "
        "und mittwochs gibt es die Fensterberatung im Projektbüro Altenhagen."
    ),
    "news_slug": "streetwork-dienstagstour-bodelschwinghplatz",
}

# Headings of the demo questionnaire's three pages.
SURVEY_PAGES = {1: "Du und dein Quartier", 2: "Mitreden im Quartier", 3: "Deine Ideen"}

# The extra help the thank-you page shows when an answer meets a safeguarding rule
# (the demo's rule: "Ich fühle mich in meinem Quartier wohl" answered with 1).
SAFEGUARDING_HELP = {
    "counselling": (
        "Jugendberatung Hagen (Beispiel): Telefon 02331 000 003, Montag bis Freitag 9 bis "
        "16 Uhr, kostenlos und vertraulich."
    ),
    "project_contact": (
        "Das Streetwork-Team von Caritas und Diakonie: Telefon 02331 000 000 oder Signal "
        "und WhatsApp 0151 000 000 00. Dienstags von 15 bis 19 Uhr am Bodelschwinghplatz."
    ),
}
