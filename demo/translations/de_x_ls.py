"""The demo content in Leichte Sprache (easy-to-read German).

Written after the rules of the Netzwerk Leichte Sprache: short sentences with one
statement each, no genitive, no passive, hard words explained, numbers as digits.
Needs review by a test reader from the target group.
"""

QUESTIONNAIRE = {
    "title": "Wie geht es dir in deinem Viertel?",
    "intro": (
        "Wir haben ein paar Fragen an dich. "
        "Die Fragen sind über dich und dein Viertel. "
        "Das dauert etwa 3 Minuten."
    ),
    "pages": {1: "Du und dein Viertel", 2: "Mit-reden im Viertel", 3: "Deine Ideen"},
    "questions": {
        "quartier": "Wo wohnst du?",
        "alter": "Wie alt bist du?",
        "geschlecht": "Bist du ein Mädchen oder ein Junge? Oder etwas anderes?",
        "wohlfuehlen": "Ich fühle mich wohl in meinem Viertel.",
        "mitbestimmen": "Wie viel darfst du in deinem Viertel mit-bestimmen?",
        "wunsch": "Was wünschst du dir für dein Viertel?",
    },
    "help_texts": {
        "mitbestimmen": "0 heißt: gar nicht. 10 heißt: sehr viel.",
    },
}

NEWS_INDEX = {
    "title": "Neuigkeiten",
    "intro": "Hier steht: Was ist neu im Projekt? Was kannst du bei uns machen?",
}

TOPICS = {
    "Umfrage": "Umfrage",
    "Beteiligung": "Mit-reden",
    "Streetwork": "Streetwork",
    "Beratung": "Beratung",
    "Freizeit": "Freizeit",
    "Coaching": "Coaching",
    "Ausbildung": "Ausbildung",
    "Mentoring": "Mentoring",
    "Ehrenamt": "Ehren-Amt",
}

NEWS = {
    "ergebnisse-der-fruehjahrsumfrage": {
        "title": "Die Umfrage im Frühjahr: Das habt ihr gesagt",
        "intro": "Im Frühjahr gab es eine Umfrage. Viele von euch haben mit-gemacht.",
        "body": [
            "Junge Menschen aus Altenhagen und Wehringhausen haben Fragen beantwortet. "
            "Die Fragen waren über ihr Leben und über ihr Viertel. "
            "Niemand musste seinen Namen sagen. Danke an alle!",
            "Viele haben gesagt: Freunde und Familie helfen mir. "
            "Auch der Jugend-Treff hilft. "
            "Viele wünschen sich mehr Orte draußen. "
            "Dort wollen sie ohne Ärger zusammen sein.",
            "Viele haben auch gesagt: Ich suche eine Ausbildung. "
            "Aber ich weiß nicht: Wen kann ich fragen? "
            "Manche haben abends Angst auf einigen Wegen.",
            "Die Caritas und die Diakonie haben über die Antworten gesprochen. "
            "Sie haben mit der Stadt Hagen gesprochen. "
            "Jetzt gibt es 2 neue Ideen: "
            "Mehr Streetwork. Und mehr Hilfe bei der Suche nach einer Ausbildung.",
        ],
    },
    "streetwork-dienstagstour-bodelschwinghplatz": {
        "title": "Neu: Jeden Dienstag ist Streetwork am Bodelschwinghplatz",
        "intro": "Das Streetwork-Team kommt jeden Dienstag nach Wehringhausen. Sprich uns an!",
        "image_alt": "Ein buntes Bild: farbige Kreise über einer grünen Wiese",
        "body": [
            "Streetwork heißt: Wir kommen zu dir auf die Straße. "
            "Jeden Dienstag sind wir in Wehringhausen. "
            "Wir sind von 15 Uhr bis 19 Uhr da. "
            "Wir starten am Bodelschwinghplatz. "
            "Dann gehen wir zum Wilhelmsplatz.",
            "Du kannst mit uns über alles reden. "
            "Zum Beispiel über Streit zu Hause. "
            "Oder über Probleme in der Schule. "
            "Oder über Geld. "
            "Wir erzählen es nicht weiter. "
            "Du brauchst keinen Termin.",
            "Die Idee kommt aus der Umfrage. "
            "Viele von euch haben gesagt: "
            "Wir wollen Hilfe dort, wo wir uns treffen.",
            "Brauchst du Hilfe bei einem Brief vom Amt? "
            "Oder bei einer Bewerbung? "
            "Dann helfen wir dir. "
            "Wir können auch mit dir zum Amt gehen.",
        ],
    },
    "fensterberatung-im-projektbuero": {
        "title": "Fenster-Beratung: Du musst nicht rein-kommen",
        "intro": "Du hast eine Frage? Klopf einfach an unser Fenster.",
        "body": [
            "Jeden Mittwoch machen wir unser Fenster auf. "
            "Das ist von 14 Uhr bis 17 Uhr. "
            "Unser Büro ist in der Musterstraße 1. "
            "Du kannst am Fenster stehen bleiben. "
            "Dann kannst du deine Frage stellen. "
            "Du musst dich nicht anmelden.",
            "Wir beantworten Fragen zu diesen Themen: "
            "Schule, Ausbildung, Geld, Wohnen und Ämter. "
            "Manchmal dauert es länger. "
            "Dann kannst du rein-kommen. "
            "Oder wir machen einen Termin.",
            "Der erste Schritt ist oft schwer. Am Fenster ist es leichter.",
            "Du kannst uns auch anrufen. "
            "Die Telefon-Nummer ist: 02331 000 000. "
            "Bei schlechtem Wetter gibt es Tee.",
        ],
    },
    "sommer-fussballturnier-altenhagen": {
        "title": "Fußball-Turnier in Altenhagen",
        "intro": "Mach mit beim Fußball-Turnier! Es kostet nichts.",
        "image_alt": "Ein buntes Bild: farbige Kreise über einer grünen Wiese",
        "body": [
            "Das Turnier ist am letzten Samstag in den Sommer-Ferien. "
            "Es fängt um 11 Uhr an. "
            "Es ist auf dem Bolz-Platz an der Altenhagener Brücke.",
            "Ein Team hat 5 Spieler. "
            "Dazu kommen Spieler zum Wechseln. "
            "Mädchen und Jungen können zusammen spielen. "
            "Es gibt 2 Gruppen: "
            "Eine Gruppe ist von 10 bis 15 Jahren. "
            "Die andere Gruppe ist von 16 bis 27 Jahren.",
            "Du kannst dich im Jugend-Treff anmelden. "
            "Oder beim Streetwork-Team. "
            "Du hast kein Team? "
            "Komm trotzdem. "
            "Wir finden ein Team für dich.",
            "Es gibt auch Musik, Getränke und Essen vom Grill. "
            "Fair spielen ist wichtiger als Tore.",
        ],
    },
    "umfrage-wie-gehts-dir-im-quartier": {
        "title": "Neue Umfrage: Wie geht es dir in deinem Viertel?",
        "intro": "Die neue Umfrage ist im Internet. Niemand erfährt deinen Namen.",
        "body": [
            "Ab heute kannst du bei der Umfrage mit-machen. "
            "Die Umfrage ist für junge Menschen von 10 bis 27 Jahren. "
            "Sie wohnen in Altenhagen oder Wehringhausen. "
            "Oder sie gehen dort zur Schule.",
            "Wir fragen zum Beispiel: "
            "Wo fühlst du dich wohl? "
            "Wer hilft dir bei Problemen? "
            "Was soll in deinem Viertel besser werden? "
            "Du musst deinen Namen nicht sagen.",
            "Was machen wir mit deinen Antworten? "
            "Wir zählen alle Antworten zusammen. "
            "Dann zeigen wir die Ergebnisse auf dieser Internet-Seite. "
            "Wir zeigen nur Gruppen mit mindestens 5 Personen. "
            "So erkennt dich niemand.",
            "Wir sprechen mit der Stadt Hagen über die Ergebnisse. "
            "Wir laden auch dich zu einem Treffen ein. "
            "Dort entscheidest du mit: Was machen wir jetzt?",
        ],
    },
    "coaching-fuer-den-ausbildungsplatz": {
        "title": "Die Schule ist vorbei. Und jetzt?",
        "intro": "Du suchst eine Ausbildung? Wir helfen dir Schritt für Schritt.",
        "body": [
            "Viele junge Menschen wissen nach der Schule nicht weiter. "
            "Das ist ganz normal. "
            "Darum gibt es unser Coaching. "
            "Coaching heißt: Jemand begleitet dich und hilft dir.",
            "Wir finden zusammen heraus: Was kannst du gut? "
            "Was macht dir Spaß? "
            "Wir schreiben zusammen Bewerbungen. "
            "Wir üben Gespräche mit Firmen. "
            "Wir suchen Firmen in Hagen mit Ausbildungs-Plätzen.",
            "Das Coaching kostet nichts. "
            "Du musst nicht mit-machen. "
            "Du bestimmst das Tempo. "
            "Wir helfen dir auch, wenn etwas nicht klappt.",
            "Komm zur Fenster-Beratung. "
            "Oder sprich das Streetwork-Team an. "
            "Oder ruf an: 02331 000 000. "
            "Du kannst gern einen Freund oder eine Freundin mitbringen.",
        ],
    },
    "mentorinnen-und-mentoren-gesucht": {
        "title": "Wir suchen Mentoren und Mentorinnen",
        "intro": "Hast du jeden Monat ein paar Stunden Zeit? Dann hilf jungen Menschen!",
        "body": [
            "Ein Mentor ist eine Person. "
            "Ein Mentor begleitet einen jungen Menschen. "
            "Zum Beispiel bei der Suche nach einem Beruf. "
            "Oder bei den Haus-Aufgaben. "
            "Ein Mentor arbeitet ohne Geld. "
            "Das heißt: Ehren-Amt.",
            "Du musst dafür nichts gelernt haben. "
            "Du brauchst Geduld. "
            "Andere müssen sich auf dich verlassen können. "
            "Alle sind willkommen.",
            "Eine Mentorin sagt: „Das Schönste ist: Ein junger Mensch glaubt wieder an sich.“",
            "Die Caritas und die Diakonie bereiten dich vor. "
            "Du triffst dich oft mit anderen Mentoren. "
            "Die Projekt-Leitung hilft dir.",
        ],
    },
    "aufraeumaktion-wehringhausen": {
        "title": "Wir räumen zusammen auf in Wehringhausen",
        "intro": "Junge Menschen wollen einen sauberen Wilhelmsplatz. Mach mit!",
        "body": [
            "In der Umfrage haben viele gesagt: "
            "An manchen Orten liegen viel Müll und Scherben. "
            "Da will ich nicht sein. "
            "Darum räumen wir jetzt zusammen auf.",
            "Wir treffen uns am Samstag, 14. November. "
            "Wir treffen uns um 10 Uhr am Wilhelmsplatz. "
            "Dann gehen wir in kleinen Gruppen durch Wehringhausen.",
            "Junge Menschen aus dem Viertel planen die Aktion. "
            "Das Streetwork-Team hilft dabei. "
            "Wir haben Hand-Schuhe und Müll-Säcke für dich.",
            "Am Ende gibt es Suppe und warme Getränke. "
            "Dann können wir zusammen überlegen: "
            "Wie machen wir unser Viertel schöner?",
        ],
    },
}

CONTACT = {
    "title": "Kontakt",
    "intro": "Du hast eine Frage? Du brauchst Hilfe? So erreichst du uns.",
    "phone_hours": "Montag bis Freitag, von 10 Uhr bis 16 Uhr",
    "messenger": "Signal und WhatsApp: 0151 000 000 00. "
    "Wir antworten von Montag bis Freitag bis 18 Uhr.",
    "window_consultation": (
        "Am Mittwoch von 14 Uhr bis 17 Uhr: im Projekt-Büro in Altenhagen. "
        "Klopf einfach ans Fenster.\n"
        "Am Donnerstag von 15 Uhr bis 17 Uhr: im Büro in Wehringhausen."
    ),
    "offices": [
        {
            "name": "Projekt-Büro Altenhagen",
            "office_hours": "Montag und Mittwoch: 14 Uhr bis 18 Uhr\nFreitag: 10 Uhr bis 13 Uhr",
        },
        {
            "name": "Büro Wehringhausen",
            "office_hours": "Dienstag und Donnerstag: 14 Uhr bis 18 Uhr",
        },
    ],
}

PAGES = {
    "projekt": {
        "title": "Über das Projekt",
        "intro": "Das Projekt heißt PaRT. PaRT ist für junge Menschen von 10 bis 27 Jahren.",
        "body": [
            ("heading", "Das machen wir"),
            (
                "paragraph",
                "<p>Wir gehen dorthin, wo junge Menschen sind.</p>"
                "<p>Zum Beispiel auf Plätze oder zur Bus-Haltestelle.</p>"
                "<p>Wir hören dir zu.</p>"
                "<p>Wir helfen dir bei Briefen vom Amt.</p>"
                "<ul><li><b>Streetwork:</b> Wir kommen zu dir auf die Straße.</li>"
                "<li><b>Coaching:</b> Wir helfen dir auf dem Weg zur Ausbildung.</li>"
                "<li><b>Mentoring:</b> Ein Erwachsener begleitet dich.</li>"
                "<li><b>Mit-reden:</b> Du sagst deine Meinung in einer Umfrage.</li></ul>",
            ),
            ("heading", "Mit wem arbeiten wir?"),
            (
                "paragraph",
                "<p>Wir arbeiten mit der Stadt Hagen.</p>"
                "<p>Und mit dem Quartiers-Management in Wehringhausen.</p>"
                "<p>Das Quartiers-Management kümmert sich um das Viertel.</p>",
            ),
        ],
    },
    "datenschutz": {
        "title": "Daten-Schutz",
        "intro": "Hier steht: Was speichern wir über dich? Und wann löschen wir es?",
        "body": [
            ("heading", "Du besuchst unsere Internet-Seite"),
            (
                "paragraph",
                "<p>Wir beobachten dich nicht.</p>"
                "<p>Wir laden nichts von anderen Firmen.</p>"
                "<p>Wir speichern keine IP-Adresse.</p>"
                "<p>Eine IP-Adresse ist die Nummer von deinem Handy im Internet.</p>"
                "<p>Du schickst ein Formular ab?</p>"
                "<p>Dann speichern wir ein kleines Cookie.</p>"
                "<p>Ein Cookie ist eine kleine Datei.</p>"
                "<p>Das Cookie schützt das Formular.</p>"
                "<p>Im Cookie steht nichts über dich.</p>",
            ),
            ("heading", "Du machst bei einer Umfrage mit"),
            (
                "paragraph",
                "<p>Deine Antworten sind geheim.</p>"
                "<p>Wir speichern deine Antworten.</p>"
                "<p>Wir speichern die Sprache und den Tag.</p>"
                "<p>Wir speichern nicht die Uhr-Zeit.</p>"
                "<p>Wir speichern nicht deinen Namen.</p>"
                "<p>Wir zeigen nur Ergebnisse von mindestens 5 Personen.</p>",
            ),
            ("heading", "Du willst Mentor oder Mentorin werden"),
            (
                "paragraph",
                "<p>Dann speichern wir deinen Vornamen.</p>"
                "<p>Und deine Telefon-Nummer oder E-Mail-Adresse.</p>"
                "<p>Nur die Projekt-Leitung kann das lesen.</p>"
                "<p>Nach 180 Tagen löschen wir alles.</p>",
            ),
            ("heading", "Du meldest eine Barriere"),
            (
                "paragraph",
                "<p>Eine Barriere ist ein Hindernis.</p>"
                "<p>Zum Beispiel: Du kannst einen Text nicht lesen.</p>"
                "<p>Wir speichern deine Nachricht.</p>"
                "<p>Nach 90 Tagen löschen wir sie.</p>",
            ),
            ("heading", "Deine Rechte"),
            (
                "paragraph",
                "<p>Du darfst fragen: Was wisst ihr über mich?</p>"
                "<p>Du darfst sagen: Löscht meine Daten.</p>"
                "<p>Du kannst dich auch beschweren.</p>"
                "<p>Dafür gibt es ein Amt in Nordrhein-Westfalen.</p>"
                "<p>Schreib uns: datenschutz@example.invalid</p>",
            ),
        ],
    },
    "barrierefreiheit": {
        "title": "Barriere-Freiheit",
        "intro": "Barriere-frei heißt: Alle Menschen können die Internet-Seite benutzen.",
        "body": [
            ("heading", "Ist die Seite barriere-frei?"),
            (
                "paragraph",
                "<p>Wir wollen eine Seite ohne Hindernisse.</p>"
                "<p>Ein Computer prüft jede Seite.</p>"
                "<p>Er prüft die Seite auf dem Handy und am Computer.</p>",
            ),
            ("heading", "Was ist noch nicht gut?"),
            (
                "paragraph",
                "<p>Manche Seiten gibt es nur auf Deutsch.</p>"
                "<p>Manche Übersetzungen sind noch nicht geprüft.</p>",
            ),
            ("heading", "Sag uns Bescheid"),
            (
                "paragraph",
                "<p>Hast du ein Hindernis gefunden?</p>"
                "<p>Dann nutze das Formular „Barriere melden“.</p>"
                "<p>Oder ruf uns an: 02331 000 000.</p>",
            ),
            ("heading", "Du bist nicht zufrieden?"),
            (
                "paragraph",
                "<p>Dann gibt es eine Stelle in Nordrhein-Westfalen.</p>"
                "<p>Die Stelle hilft dir.</p>",
            ),
        ],
    },
    "leichte-sprache": {
        "title": "Leichte Sprache",
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
}

# The results index only: the dashboards below it stay German until staff translate them.
DASHBOARD_INDEX = {
    "title": "Ergebnisse",
    "intro": (
        "Hier siehst du: Das haben junge Menschen in den Umfragen geantwortet. Niemand weiß, wer "
        "was geantwortet hat. Wir zeigen nur Ergebnisse von mindestens 5 Personen. So erkennt dich "
        "niemand."
    ),
}

# The extra help on the thank-you page when an answer meets a safeguarding rule.
SAFEGUARDING_HELP = {
    "counselling": (
        "Jugend-Beratung in Hagen (Beispiel): Die Telefon-Nummer ist 02331 000 003. Du kannst von "
        "Montag bis Freitag anrufen. Von 9 Uhr bis 16 Uhr. Das kostet nichts. Wir erzählen es "
        "nicht weiter."
    ),
    "project_contact": (
        "Das Streetwork-Team: Die Telefon-Nummer ist 02331 000 000. Du kannst auch bei Signal oder "
        "WhatsApp schreiben: 0151 000 000 00. Am Dienstag sind wir am Bodelschwinghplatz. Von 15 "
        "Uhr bis 19 Uhr."
    ),
}
