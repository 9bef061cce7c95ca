"""The demo content in English."""

QUESTIONNAIRE = {
    "title": "How are you doing in your quarter?",
    "intro": (
        "A few short questions about you, your quarter and where you can have a say. "
        "It takes about three minutes."
    ),
    "pages": {1: "You and your quarter", 2: "Having a say in your quarter", 3: "Your ideas"},
    "questions": {
        "quartier": "Where do you live?",
        "alter": "How old are you?",
        "geschlecht": "What is your gender?",
        "wohlfuehlen": "I feel at home in my quarter.",
        "mitbestimmen": "How much can you have a say in your quarter?",
        "wunsch": "What would you like for your quarter?",
    },
    "help_texts": {"mitbestimmen": "0 means not at all, 10 means very much."},
}

NEWS_INDEX = {
    "title": "News",
    "intro": (
        "Find out what is going on in the project right now, what is on offer and what "
        "came of your answers."
    ),
}

TOPICS = {
    "Umfrage": "Survey",
    "Beteiligung": "Having a say",
    "Streetwork": "Streetwork",
    "Beratung": "Advice",
    "Freizeit": "Free time",
    "Coaching": "Coaching",
    "Ausbildung": "Apprenticeship",
    "Mentoring": "Mentoring",
    "Ehrenamt": "Volunteering",
}

NEWS = {
    "ergebnisse-der-fruehjahrsumfrage": {
        "title": "Your answers from the spring: what we learned",
        "intro": (
            "Many of you took part in our survey in the spring. Here we tell you what "
            "stood out to us."
        ),
        "body": [
            "In the spring, young people from Altenhagen and Wehringhausen answered "
            "questions about their everyday lives, their strengths and their quarter, "
            "anonymously. Thank you to everyone who took the time!",
            "Many wrote that friends, family and regular meeting places give them support. "
            "The youth club came up often. At the same time, many would like more places "
            "outdoors where they can spend time without trouble.",
            "The time after school was an important topic: some feel left alone when "
            "looking for an apprenticeship, or do not know whom to ask. In the evening, "
            "some do not feel safe on certain paths and squares.",
            "The project leads of Caritas Hagen and Diakonie Mark-Ruhr discussed the "
            "results with the Wehringhausen quarter management and the City of Hagen's "
            "youth welfare office. The first ideas are a new streetwork tour and more "
            "support on the way into training and work.",
        ],
    },
    "streetwork-dienstagstour-bodelschwinghplatz": {
        "title": "New: the streetwork team is at Bodelschwinghplatz on Tuesdays",
        "intro": (
            "From now on, the streetwork team is out in Wehringhausen every Tuesday "
            "afternoon. Just come and talk to us!"
        ),
        "image_alt": "Colourful illustration of the streetwork tour: coloured circles over a "
        "green meadow",
        "body": [
            "Every Tuesday from 3 to 7 pm, the streetwork team of Caritas Hagen and "
            "Diakonie Mark-Ruhr is out in Wehringhausen. The tour starts at "
            "Bodelschwinghplatz and goes through the quarter via Wilhelmsplatz.",
            "You can talk to us about anything: stress at home, trouble at school, money "
            "worries or simply whatever is on your mind. Everything stays between us, and "
            "you don't need an appointment.",
            "The idea for the Tuesday tour comes from the spring survey. Many of you "
            "wished for people to talk to in the places where you meet anyway.",
            "If you need help with an application, a job application or an appointment at "
            "an office, we will work out together who can help, and we can come with you "
            "if you like.",
        ],
    },
    "fensterberatung-im-projektbuero": {
        "title": "Window advice: ask questions without having to come in",
        "intro": (
            "You want to know something but don't want to come into the office straight "
            "away? At our window advice, a knock on the window is enough."
        ),
        "body": [
            "Every Wednesday from 2 to 5 pm, we open the window to the street at the "
            "project office at Musterstraße 1. You can simply stop and ask your question, "
            "no registration needed.",
            "The streetwork team and a colleague from career support answer questions "
            "about school, apprenticeships, money, housing or trouble with public offices. "
            "If it takes longer, you are welcome to come in or make an appointment.",
            "Sometimes the first step is the hardest. With the window advice we want to "
            "make it easier to get to know us.",
            "You can also call us on 02331 000 000. When the weather is bad, there is tea "
            "through the window.",
        ],
    },
    "sommer-fussballturnier-altenhagen": {
        "title": "Kick-off: summer football tournament in Altenhagen",
        "intro": (
            "Put a team together and join the football tournament in Altenhagen! Taking "
            "part is free, having fun is a must."
        ),
        "image_alt": "Colourful illustration of the football tournament: coloured circles "
        "over a green meadow",
        "body": [
            "On the last Saturday of the summer holidays, the youth club, Caritas Hagen "
            "and Diakonie Mark-Ruhr invite you to a football tournament on the pitch near "
            "the Altenhagen bridge. It starts at 11 am.",
            "A team has five players plus substitutes. Mixed teams are very welcome, and "
            "there are two age groups: 10 to 15 and 16 to 27.",
            "You can sign up at the youth club or with the streetwork team. If you don't "
            "have a team yet, just come along and we will find a place for you.",
            "Besides the tournament there is music, drinks and a barbecue, which young "
            "people from the youth club help to organise. Fair play counts more than goals "
            "for us.",
        ],
    },
    "umfrage-wie-gehts-dir-im-quartier": {
        "title": "Survey launched: “How are you doing in your quarter?”",
        "intro": "Our new survey is online. It takes about ten minutes and is completely "
        "anonymous.",
        "body": [
            "From today you can take part in the survey “How are you doing in your "
            "quarter?”. It is for young people between 10 and 27 who live, go to school or "
            "spend their free time in Altenhagen or Wehringhausen.",
            "We ask, for example, where you feel at home, what gives you strength, who "
            "helps you with problems and what should get better in your area. You don't "
            "need to give a name or an e-mail address.",
            "What happens to your answers? We only evaluate them together and show the "
            "results on this website. Groups of fewer than five people are not shown, so "
            "that nobody can be recognised.",
            "We discuss the results with the Wehringhausen quarter management and the City "
            "of Hagen's youth welfare office. We will also invite you to a meeting where "
            "you decide yourselves what should come of it.",
        ],
    },
    "coaching-fuer-den-ausbildungsplatz": {
        "title": "Finished school, what now? Coaching on the way to an apprenticeship",
        "intro": (
            "You are looking for an apprenticeship and don't know where to start? Our "
            "coaching supports you step by step."
        ),
        "body": [
            "Many young people leave school without a plan for what comes next. That is "
            "completely normal, and that is exactly what our coaching for the move from "
            "school into training and work is for.",
            "Together we find out what you are good at and what interests you. We write "
            "applications together, practise job interviews and look for companies in "
            "Hagen that offer apprenticeships.",
            "The coaching is free and voluntary. You set the pace, and we stay at your "
            "side even when something doesn't work out or you get a rejection.",
            "Get in touch at the window advice, with the streetwork team or by phone on "
            "02331 000 000. You are welcome to bring a friend.",
        ],
    },
    "mentorinnen-und-mentoren-gesucht": {
        "title": "Mentors wanted: give young people your time",
        "intro": (
            "You have a few hours a month and a willing ear? Then become a volunteer mentor!"
        ),
        "body": [
            "For our mentoring programme we are looking for volunteers who accompany young "
            "people from Altenhagen and Wehringhausen for part of their way, for example "
            "with career choices, with homework or simply as someone to talk to.",
            "You don't need any training in education. What matters is patience, "
            "reliability and an interest in young people. Student, tradesperson or "
            "pensioner: everyone is welcome.",
            "A mentor who has been with us for a year says: “The best thing is when you "
            "notice that someone believes in themselves again.”",
            "Caritas Hagen and Diakonie Mark-Ruhr prepare you for your role in a training "
            "course. Regular meetings with other mentors and support from the project "
            "leads go without saying.",
        ],
    },
    "aufraeumaktion-wehringhausen": {
        "title": "Let's pitch in together: clean-up in Wehringhausen",
        "intro": (
            "Young people wished for a cleaner Wilhelmsplatz. Now we are cleaning up "
            "together, and you can join in!"
        ),
        "body": [
            "In the survey, many wrote that they don't like spending time in some places "
            "in the quarter because of rubbish and broken glass. That gave us the idea for "
            "a clean-up together.",
            "On Saturday, 14 November, we meet at 10 am at Wilhelmsplatz. From there we "
            "go through Wehringhausen in small groups, also to Bodelschwinghplatz.",
            "The clean-up is organised by young people from the quarter together with the "
            "Wehringhausen quarter management and the streetwork team. Gloves, litter "
            "pickers and rubbish bags are provided.",
            "At the end there is soup and hot drinks. If you like, you can think straight "
            "away about how we could make some corners of the quarter nicer.",
        ],
    },
}

CONTACT = {
    "title": "Contact",
    "intro": (
        "You have a question, need help or just want to talk? You can reach us in many "
        "ways, even without coming to the office."
    ),
    "phone_hours": "Monday to Friday, 10 am to 4 pm",
    "messenger": "Signal and WhatsApp: 0151 000 000 00 (we reply on weekdays until 6 pm)",
    "window_consultation": (
        "On Wednesdays from 2 to 5 pm we open the window to the street at the Altenhagen "
        "project office. Just knock, no registration needed.\n"
        "On Thursdays from 3 to 5 pm there is window advice at the Wehringhausen quarter "
        "office too."
    ),
    "offices": [
        {
            "name": "Altenhagen project office",
            "office_hours": "Monday and Wednesday 2 to 6 pm\nFriday 10 am to 1 pm",
        },
        {
            "name": "Wehringhausen quarter office",
            "office_hours": "Tuesday and Thursday 2 to 6 pm",
        },
    ],
}

PAGES = {
    "projekt": {
        "title": "About the project",
        "intro": (
            "PaRT stands for participation, resilience and taking part (Teilhabe). Caritas "
            "Hagen and Diakonie Mark-Ruhr support young people between 10 and 27 in "
            "Altenhagen and Wehringhausen."
        ),
        "body": [
            ("heading", "What we do"),
            (
                "paragraph",
                "<p>Our streetwork team is out where you meet: on squares, at the bus stop, "
                "in front of the youth club. We listen, help with applications and come "
                "with you to public offices if you like.</p>"
                "<ul><li><b>Outreach work:</b> streetwork tours in both quarters.</li>"
                "<li><b>Coaching:</b> support from school into training and work.</li>"
                "<li><b>Mentoring:</b> volunteer mentors accompany young people for part "
                "of their way.</li>"
                "<li><b>Having a say:</b> short anonymous surveys whose results everyone "
                "can see.</li></ul>",
            ),
            ("heading", "Who we work with"),
            (
                "paragraph",
                "<p>We work closely with the City of Hagen's youth and social services "
                "department and the Soziale Stadt Wehringhausen quarter management.</p>",
            ),
        ],
    },
    "datenschutz": {
        "title": "Privacy",
        "intro": (
            "Here you can read exactly what we store, why, and when we delete it. In "
            "short: surveys are anonymous, and we do not track you."
        ),
        "body": [
            ("heading", "When you visit the website"),
            (
                "paragraph",
                "<p>We use no cookies for analytics or advertising and load nothing from "
                "other servers: no fonts, no maps, no videos, no statistics services. Our "
                "servers keep no IP addresses in their logs. Only when you send a form does "
                "the website set a technically necessary cookie (csrftoken) that protects "
                "forms from misuse. It contains nothing about you.</p>",
            ),
            ("heading", "When you take part in a survey"),
            (
                "paragraph",
                "<p>Your answers are anonymous. We store your answers, the language you "
                "answered in and the day, but not the time. We store no name, no e-mail "
                "address, no IP address, no device and no browser. If you used an access "
                "code, we only note that the code has been used, with no link to your "
                "answers.</p><p>We only show results added up, and only for groups of at "
                "least five people. We publish free texts only after someone from the team "
                "has read them.</p>",
            ),
            ("heading", "When you sign up as a mentor"),
            (
                "paragraph",
                "<p>We store your first name, your phone number or e-mail address, when "
                "you have time and your consent. Only the project leads can read them. We "
                "delete them automatically after 180 days, or earlier if you wish. The "
                "legal basis is your consent (Art. 6(1)(a) GDPR).</p>",
            ),
            ("heading", "When you report a barrier"),
            (
                "paragraph",
                "<p>We store your message and, if given, how we can reach you. We delete "
                "both after 90 days.</p>",
            ),
            ("heading", "Your rights"),
            (
                "paragraph",
                "<p>You have the right to information, correction, deletion and "
                "restriction of processing, and you can withdraw your consent at any time. "
                "You can complain to the State Commissioner for Data Protection and Freedom "
                "of Information of North Rhine-Westphalia.</p>"
                "<p>Data protection officer of the organisations: "
                "datenschutz@example.invalid</p>",
            ),
        ],
    },
    "barrierefreiheit": {
        "title": "Accessibility",
        "intro": (
            "Accessibility statement under the North Rhine-Westphalia disability equality "
            "act and its regulation on accessible information technology (BITV NRW)."
        ),
        "body": [
            ("heading", "How far the site complies"),
            (
                "paragraph",
                "<p>This website aims to meet WCAG 2.1 at level AA. Every kind of page is "
                "checked for barriers automatically with every change, on a phone and on a "
                "computer, in German and in Arabic.</p>",
            ),
            ("heading", "What is not accessible yet"),
            (
                "paragraph",
                "<p>Some pages do not exist in all nine languages yet; they are then shown "
                "in German. Native speakers are still checking the translations.</p>",
            ),
            ("heading", "Feedback and contact"),
            (
                "paragraph",
                "<p>Have you come across a barrier? Use the “Report a barrier” form or call "
                "us: 02331 000 000.</p>",
            ),
            ("heading", "Conciliation procedure"),
            (
                "paragraph",
                "<p>If you are not happy with our answer, you can turn to the ombudsman "
                "office for accessible information technology of the state of North "
                "Rhine-Westphalia.</p>",
            ),
        ],
    },
    "leichte-sprache": {
        "title": "Easy to read",
        "intro": "Here we explain the project in easy words.",
        "body": [
            ("heading", "What is PaRT?"),
            (
                "paragraph",
                "<p>PaRT is a project for young people.</p>"
                "<p>The young people live in Hagen.</p>"
                "<p>They live in Altenhagen or in Wehringhausen.</p>"
                "<p>They are between 10 and 27 years old.</p>",
            ),
            ("heading", "Who runs the project?"),
            (
                "paragraph",
                "<p>Caritas Hagen and Diakonie Mark-Ruhr.</p>"
                "<p>These are 2 organisations.</p><p>They help people.</p>",
            ),
            ("heading", "What do we do?"),
            (
                "paragraph",
                "<ul><li>We are out in the area.<br>You can talk to us.</li>"
                "<li>We help you look for an apprenticeship.</li>"
                "<li>We ask you what you think.<br>This is called a survey.</li></ul>",
            ),
            ("heading", "The survey"),
            (
                "paragraph",
                "<p>The survey is secret.</p><p>You do not have to say your name.</p>"
                "<p>Nobody knows what you answered.</p>"
                "<p>We only show what many people answered together.</p>",
            ),
            ("heading", "How to reach us"),
            (
                "paragraph",
                "<p>Call us: 02331 000 000.</p>"
                "<p>Or come to our office.<br>The office is at Musterstraße 1.</p>",
            ),
        ],
    },
}

# The results index only: the dashboards below it stay German until staff translate them.
DASHBOARD_INDEX = {
    "title": "Results",
    "intro": (
        "On this page you can see what young people answered in our surveys, completely "
        "anonymously. We do not show results from fewer than five people, so that nobody can be "
        "recognised."
    ),
}

# The extra help on the thank-you page when an answer meets a safeguarding rule.
SAFEGUARDING_HELP = {
    "counselling": (
        "Hagen youth counselling (example): phone 02331 000 003, Monday to Friday 9 am to 4 pm, "
        "free and confidential."
    ),
    "project_contact": (
        "The Caritas and Diakonie streetwork team: phone 02331 000 000 or Signal and WhatsApp 0151 "
        "000 000 00. On Tuesdays from 3 to 7 pm at Bodelschwinghplatz."
    ),
}
