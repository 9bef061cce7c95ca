"""The demo content in Romanian (informal "tu"). Machine-made: needs native review."""

QUESTIONNAIRE = {
    "title": "Cum îți merge în cartier?",
    "intro": (
        "Câteva întrebări scurte despre tine, despre cartierul tău și despre unde poți să îți "
        "spui părerea. Durează cam trei minute."
    ),
    "pages": {1: "Tu și cartierul tău", 2: "Să ai un cuvânt de spus în cartier", 3: "Ideile tale"},
    "questions": {
        "quartier": "Unde locuiești?",
        "alter": "Câți ani ai?",
        "geschlecht": "Care este genul tău?",
        "wohlfuehlen": "Mă simt bine în cartierul meu.",
        "mitbestimmen": "Cât de mult poți să participi la decizii în cartierul tău?",
        "wunsch": "Ce îți dorești pentru cartierul tău?",
    },
    "help_texts": {"mitbestimmen": "0 înseamnă deloc, 10 înseamnă foarte mult."},
}

NEWS_INDEX = {
    "title": "Noutăți",
    "intro": (
        "Aici afli ce se întâmplă acum în proiect, ce oferte există și ce a ieșit din "
        "răspunsurile voastre."
    ),
}

TOPICS = {
    "Umfrage": "Sondaj",
    "Beteiligung": "Participare",
    "Streetwork": "Streetwork",
    "Beratung": "Consiliere",
    "Freizeit": "Timp liber",
    "Coaching": "Coaching",
    "Ausbildung": "Formare profesională",
    "Mentoring": "Mentorat",
    "Ehrenamt": "Voluntariat",
}

NEWS = {
    "ergebnisse-der-fruehjahrsumfrage": {
        "title": "Răspunsurile voastre din primăvară: ce am aflat",
        "intro": (
            "Mulți dintre voi ați participat în primăvară la sondajul nostru. Aici vă "
            "povestim ce ne-a atras atenția."
        ),
        "body": [
            "În primăvară, tineri din Altenhagen și Wehringhausen au răspuns anonim la "
            "întrebări despre viața lor de zi cu zi, punctele lor forte și cartierul lor. "
            "Mulțumim tuturor celor care și-au făcut timp!",
            "Mulți au scris că prietenii, familia și locurile fixe de întâlnire îi sprijină. "
            "Clubul de tineret a fost menționat des. În același timp, mulți își doresc mai "
            "multe locuri în aer liber unde pot sta fără probleme.",
            "O temă importantă a fost perioada de după școală: unii se simt lăsați singuri "
            "când caută un loc de ucenicie sau nu știu pe cine să întrebe. Seara, unii nu se "
            "simt în siguranță pe anumite străzi și piețe.",
            "Conducerea proiectului de la Caritas Hagen și Diakonie Mark-Ruhr a discutat "
            "rezultatele cu managementul de cartier Wehringhausen și cu Oficiul pentru "
            "tineret al orașului Hagen. Primele idei sunt un nou tur de streetwork și mai "
            "mult sprijin la trecerea spre formarea profesională și muncă.",
        ],
    },
    "streetwork-dienstagstour-bodelschwinghplatz": {
        "title": "Nou: echipa de streetwork este marțea în Bodelschwinghplatz",
        "intro": (
            "De acum, echipa de streetwork este în fiecare marți după-amiază în "
            "Wehringhausen. Vino și vorbește cu noi!"
        ),
        "image_alt": "Ilustrație colorată pentru turul de streetwork: cercuri colorate "
        "deasupra unei pajiști verzi",
        "body": [
            "În fiecare marți, între orele 15 și 19, echipa de streetwork a Caritas Hagen și "
            "Diakonie Mark-Ruhr este pe teren în Wehringhausen. Turul începe în "
            "Bodelschwinghplatz și trece prin cartier pe la Wilhelmsplatz.",
            "Poți vorbi cu noi despre orice: stres acasă, probleme la școală, griji legate de "
            "bani sau pur și simplu despre ce te preocupă acum. Totul rămâne între noi și nu "
            "ai nevoie de programare.",
            "Ideea turului de marți vine din sondajul de primăvară. Mulți dintre voi v-ați "
            "dorit persoane de contact acolo unde vă întâlniți oricum.",
            "Dacă ai nevoie de ajutor cu o cerere, o candidatură sau o programare la o "
            "instituție, vedem împreună cine te poate ajuta și, dacă vrei, te însoțim acolo.",
        ],
    },
    "fensterberatung-im-projektbuero": {
        "title": "Consiliere la fereastră: pune întrebări fără să intri",
        "intro": (
            "Vrei să afli ceva, dar nu vrei să vii direct în birou? La consilierea noastră la "
            "fereastră ajunge să bați în geam."
        ),
        "body": [
            "În fiecare miercuri, între orele 14 și 17, deschidem fereastra spre stradă la "
            "biroul proiectului din Musterstraße 1. Poți să te oprești și să îți pui "
            "întrebarea, fără înscriere.",
            "Echipa de streetwork și o colegă de la orientarea profesională răspund la "
            "întrebări despre școală, ucenicie, bani, locuință sau probleme cu autoritățile. "
            "Dacă durează mai mult, poți intra sau poți face o programare.",
            "Uneori primul pas e cel mai greu. Cu consilierea la fereastră vrem să îți fie "
            "mai ușor să ne cunoști.",
            "Ne poți suna și la 02331 000 000. Când e vreme urâtă, dăm ceai pe fereastră.",
        ],
    },
    "sommer-fussballturnier-altenhagen": {
        "title": "Fluierul de start: turneu de fotbal de vară în Altenhagen",
        "intro": (
            "Faceți o echipă și veniți la turneul de fotbal din Altenhagen! Participarea e "
            "gratuită, distracția e obligatorie."
        ),
        "image_alt": "Ilustrație colorată pentru turneul de fotbal: cercuri colorate "
        "deasupra unei pajiști verzi",
        "body": [
            "În ultima sâmbătă a vacanței de vară, clubul de tineret, Caritas Hagen și "
            "Diakonie Mark-Ruhr vă invită la un turneu de fotbal pe terenul de lângă podul "
            "din Altenhagen. Începem la ora 11.",
            "O echipă are cinci jucători și jucătoare plus rezerve. Echipele mixte sunt "
            "binevenite și există două grupe de vârstă: 10–15 ani și 16–27 de ani.",
            "Vă puteți înscrie la clubul de tineret sau la echipa de streetwork. Dacă nu ai "
            "încă o echipă, vino oricum, îți găsim un loc.",
            "Pe lângă turneu sunt muzică, băuturi și un grătar pe care îl organizează și "
            "tineri de la clubul de tineret. La noi fair-play-ul contează mai mult decât "
            "golurile.",
        ],
    },
    "umfrage-wie-gehts-dir-im-quartier": {
        "title": "Sondajul a început: „Cum îți merge în cartier?”",
        "intro": "Noul nostru sondaj este online. Durează cam zece minute și este complet anonim.",
        "body": [
            "De azi poți participa la sondajul „Cum îți merge în cartier?”. Este pentru "
            "tineri între 10 și 27 de ani care locuiesc, merg la școală sau își petrec "
            "timpul liber în Altenhagen sau Wehringhausen.",
            "Te întrebăm, de exemplu, unde te simți bine, ce îți dă putere, cine te ajută "
            "când ai probleme și ce ar trebui să fie mai bine în zona ta. Nu trebuie să îți "
            "dai numele sau adresa de e-mail.",
            "Ce se întâmplă cu răspunsurile tale? Le analizăm doar împreună și arătăm "
            "rezultatele pe acest site. Grupurile de mai puțin de cinci persoane nu sunt "
            "afișate, ca nimeni să nu poată fi recunoscut.",
            "Discutăm rezultatele cu managementul de cartier Wehringhausen și cu Oficiul "
            "pentru tineret al orașului Hagen. Vă invităm și la o întâlnire la care decideți "
            "voi înșivă ce urmează.",
        ],
    },
    "coaching-fuer-den-ausbildungsplatz": {
        "title": "Ai terminat școala, și acum? Coaching pe drumul spre ucenicie",
        "intro": (
            "Cauți un loc de ucenicie și nu știi de unde să începi? Coachingul nostru te "
            "însoțește pas cu pas."
        ),
        "body": [
            "Mulți tineri termină școala fără un plan pentru ce urmează. Este complet normal, "
            "și exact pentru asta există coachingul nostru pentru trecerea de la școală la "
            "formare profesională și muncă.",
            "Aflăm împreună la ce te pricepi și ce te interesează. Scriem împreună "
            "candidaturi, exersăm interviuri și căutăm firme din Hagen care oferă locuri de "
            "ucenicie.",
            "Coachingul este gratuit și voluntar. Tu stabilești ritmul, iar noi rămânem "
            "alături de tine și atunci când ceva nu merge sau primești un refuz.",
            "Vino la consilierea la fereastră, vorbește cu echipa de streetwork sau sună la "
            "02331 000 000. Poți aduce și un prieten sau o prietenă.",
        ],
    },
    "mentorinnen-und-mentoren-gesucht": {
        "title": "Căutăm mentori: dăruiește-le tinerilor din timpul tău",
        "intro": (
            "Ai câteva ore pe lună și o ureche atentă? Atunci devino mentor sau mentoră voluntar!"
        ),
        "body": [
            "Pentru programul nostru de mentorat căutăm voluntari care să însoțească tineri "
            "din Altenhagen și Wehringhausen pe o parte din drumul lor, de exemplu la "
            "alegerea unei meserii, la teme sau pur și simplu ca persoană de încredere.",
            "Nu ai nevoie de o pregătire pedagogică. Contează răbdarea, seriozitatea și "
            "interesul pentru tineri. Studentă, meșteșugar sau pensionară: toți sunt "
            "bineveniți.",
            "O mentoră care este cu noi de un an spune: „Cel mai frumos e când observi că "
            "cineva crede din nou în sine.”",
            "Caritas Hagen și Diakonie Mark-Ruhr te pregătesc pentru rolul tău printr-un "
            "curs. Întâlnirile regulate cu alți mentori și sprijinul conducerii proiectului "
            "sunt de la sine înțelese.",
        ],
    },
    "aufraeumaktion-wehringhausen": {
        "title": "Punem mâna împreună: acțiune de curățenie în Wehringhausen",
        "intro": (
            "Tinerii și-au dorit un Wilhelmsplatz mai curat. Acum facem curat împreună, și "
            "poți să vii și tu!"
        ),
        "body": [
            "În sondaj, mulți au scris că nu le place să stea în unele locuri din cartier din "
            "cauza gunoaielor și a cioburilor. Așa a apărut ideea unei acțiuni comune de "
            "curățenie.",
            "Sâmbătă, 14 noiembrie, ne întâlnim la ora 10 în Wilhelmsplatz. De acolo mergem "
            "în grupuri mici prin Wehringhausen, până la Bodelschwinghplatz.",
            "Acțiunea este organizată de tineri din cartier împreună cu managementul de "
            "cartier Wehringhausen și echipa de streetwork. Mănuși, clești pentru gunoi și "
            "saci primești de la noi.",
            "La final sunt supă și băuturi calde. Cine vrea poate să se gândească pe loc cu "
            "noi cum putem face unele colțuri ale cartierului mai frumoase.",
        ],
    },
}

CONTACT = {
    "title": "Contact",
    "intro": (
        "Ai o întrebare, ai nevoie de ajutor sau vrei doar să vorbești? Ne poți găsi în "
        "multe feluri, chiar și fără să vii la birou."
    ),
    "phone_hours": "De luni până vineri, între orele 10 și 16",
    "messenger": "Signal și WhatsApp: 0151 000 000 00 (răspundem în zilele lucrătoare până la 18)",
    "window_consultation": (
        "Miercurea, între orele 14 și 17, deschidem fereastra spre stradă la biroul "
        "proiectului din Altenhagen. Bate pur și simplu în geam, fără înscriere.\n"
        "Joia, între orele 15 și 17, consilierea la fereastră are loc și la biroul de "
        "cartier din Wehringhausen."
    ),
    "offices": [
        {
            "name": "Biroul proiectului Altenhagen",
            "office_hours": "Luni și miercuri 14–18\nVineri 10–13",
        },
        {
            "name": "Biroul de cartier Wehringhausen",
            "office_hours": "Marți și joi 14–18",
        },
    ],
}

PAGES = {
    "projekt": {
        "title": "Despre proiect",
        "intro": (
            "PaRT înseamnă participare, reziliență și incluziune. Caritas Hagen și Diakonie "
            "Mark-Ruhr îi însoțesc pe tinerii între 10 și 27 de ani din Altenhagen și "
            "Wehringhausen."
        ),
        "body": [
            ("heading", "Ce facem"),
            (
                "paragraph",
                "<p>Echipa noastră de streetwork este acolo unde vă întâlniți: în piețe, la "
                "stație, în fața clubului de tineret. Ascultăm, ajutăm cu cereri și "
                "candidaturi și, dacă vrei, te însoțim la instituții.</p>"
                "<ul><li><b>Muncă pe teren:</b> tururi de streetwork în ambele "
                "cartiere.</li>"
                "<li><b>Coaching:</b> sprijin de la școală la formare profesională și "
                "muncă.</li>"
                "<li><b>Mentorat:</b> mentori voluntari însoțesc tineri pe o parte din "
                "drumul lor.</li>"
                "<li><b>Participare:</b> sondaje scurte și anonime, ale căror rezultate le "
                "poate vedea oricine.</li></ul>",
            ),
            ("heading", "Cu cine lucrăm"),
            (
                "paragraph",
                "<p>Lucrăm îndeaproape cu Departamentul pentru tineret și afaceri sociale al "
                "orașului Hagen și cu managementul de cartier Soziale Stadt "
                "Wehringhausen.</p>",
            ),
        ],
    },
    "datenschutz": {
        "title": "Protecția datelor",
        "intro": (
            "Aici scrie exact ce salvăm, de ce și când ștergem. Pe scurt: sondajele sunt "
            "anonime și nu te urmărim."
        ),
        "body": [
            ("heading", "Când vizitezi site-ul"),
            (
                "paragraph",
                "<p>Nu folosim cookie-uri pentru analiză sau publicitate și nu încărcăm nimic "
                "de pe servere străine: nici fonturi, nici hărți, nici videoclipuri, nici "
                "servicii de statistică. Serverele noastre nu păstrează adrese IP în "
                "jurnale. Doar când trimiți un formular, site-ul setează un cookie necesar "
                "tehnic (csrftoken), care protejează formularele de abuz. Nu conține nimic "
                "despre tine.</p>",
            ),
            ("heading", "Când participi la un sondaj"),
            (
                "paragraph",
                "<p>Răspunsurile tale sunt anonime. Salvăm răspunsurile tale, limba în care "
                "ai răspuns și ziua, dar nu și ora. Nu salvăm niciun nume, nicio adresă de "
                "e-mail, nicio adresă IP, niciun dispozitiv și niciun browser. Dacă ai "
                "folosit un cod de acces, notăm doar că acesta a fost folosit, fără nicio "
                "legătură cu răspunsurile tale.</p><p>Arătăm rezultatele doar adunate și "
                "doar pentru grupuri de cel puțin cinci persoane. Textele libere le publicăm "
                "abia după ce le-a citit cineva din echipă.</p>",
            ),
            ("heading", "Când te înscrii ca mentor"),
            (
                "paragraph",
                "<p>Salvăm prenumele tău, numărul de telefon sau adresa de e-mail, când ai "
                "timp și acordul tău. Doar conducerea proiectului le poate citi. Le ștergem "
                "automat după 180 de zile sau mai devreme, dacă vrei. Temeiul legal este "
                "acordul tău (art. 6 alin. 1 lit. a din RGPD).</p>",
            ),
            ("heading", "Când semnalezi o barieră"),
            (
                "paragraph",
                "<p>Salvăm mesajul tău și, dacă ni-l dai, cum te putem contacta. Le ștergem "
                "pe amândouă după 90 de zile.</p>",
            ),
            ("heading", "Drepturile tale"),
            (
                "paragraph",
                "<p>Ai dreptul la informare, rectificare, ștergere și restricționarea "
                "prelucrării și îți poți retrage oricând acordul. Poți depune o plângere la "
                "Autoritatea pentru protecția datelor și libertatea informației din Renania "
                "de Nord-Westfalia.</p>"
                "<p>Responsabilul cu protecția datelor al organizațiilor: "
                "datenschutz@example.invalid</p>",
            ),
        ],
    },
    "barrierefreiheit": {
        "title": "Accesibilitate",
        "intro": (
            "Declarație de accesibilitate conform legii privind egalitatea persoanelor cu "
            "dizabilități din Renania de Nord-Westfalia și regulamentului privind tehnologia "
            "informației fără bariere (BITV NRW)."
        ),
        "body": [
            ("heading", "Stadiul conformității"),
            (
                "paragraph",
                "<p>Acest site urmărește să îndeplinească cerințele WCAG 2.1 la nivelul AA. "
                "Fiecare tip de pagină este verificat automat de bariere la fiecare "
                "modificare, pe telefon și pe calculator, în germană și în arabă.</p>",
            ),
            ("heading", "Ce nu este încă accesibil"),
            (
                "paragraph",
                "<p>Unele pagini nu există încă în toate cele nouă limbi; atunci sunt "
                "afișate în germană. Traducerile sunt încă verificate de vorbitori "
                "nativi.</p>",
            ),
            ("heading", "Feedback și contact"),
            (
                "paragraph",
                "<p>Ai observat o barieră? Folosește formularul „Semnalează o barieră” sau "
                "sună-ne: 02331 000 000.</p>",
            ),
            ("heading", "Procedura de conciliere"),
            (
                "paragraph",
                "<p>Dacă nu ești mulțumit de răspunsul nostru, te poți adresa Biroului "
                "ombudsman pentru tehnologia informației fără bariere al landului Renania de "
                "Nord-Westfalia.</p>",
            ),
        ],
    },
    "leichte-sprache": {
        "title": "Limbaj ușor",
        "intro": "Aici explicăm proiectul în cuvinte ușoare.",
        "body": [
            ("heading", "Ce este PaRT?"),
            (
                "paragraph",
                "<p>PaRT este un proiect pentru tineri.</p>"
                "<p>Tinerii locuiesc în Hagen.</p>"
                "<p>Ei locuiesc în Altenhagen sau în Wehringhausen.</p>"
                "<p>Au între 10 și 27 de ani.</p>",
            ),
            ("heading", "Cine face proiectul?"),
            (
                "paragraph",
                "<p>Caritas Hagen și Diakonie Mark-Ruhr.</p>"
                "<p>Acestea sunt 2 organizații.</p><p>Ele ajută oamenii.</p>",
            ),
            ("heading", "Ce facem?"),
            (
                "paragraph",
                "<ul><li>Suntem afară, în cartier.<br>Poți să vorbești cu noi.</li>"
                "<li>Te ajutăm să cauți un loc de ucenicie.</li>"
                "<li>Te întrebăm ce părere ai.<br>Asta se numește sondaj.</li></ul>",
            ),
            ("heading", "Sondajul"),
            (
                "paragraph",
                "<p>Sondajul este secret.</p><p>Nu trebuie să îți spui numele.</p>"
                "<p>Nimeni nu știe ce ai răspuns.</p>"
                "<p>Arătăm doar ce au răspuns mulți oameni împreună.</p>",
            ),
            ("heading", "Cum ne găsești"),
            (
                "paragraph",
                "<p>Sună-ne: 02331 000 000.</p>"
                "<p>Sau vino la biroul nostru.<br>Biroul este în Musterstraße 1.</p>",
            ),
        ],
    },
}

# The results index only: the dashboards below it stay German until staff translate them.
DASHBOARD_INDEX = {
    "title": "Rezultate",
    "intro": (
        "Pe această pagină vezi ce au răspuns tinerii în sondajele noastre, complet anonim. Nu "
        "arătăm rezultatele a mai puțin de cinci persoane, ca nimeni să nu poată fi recunoscut."
    ),
}

# The extra help on the thank-you page when an answer meets a safeguarding rule.
SAFEGUARDING_HELP = {
    "counselling": (
        "Consiliere pentru tineri Hagen (exemplu): telefon 02331 000 003, de luni până vineri "
        "între orele 9 și 16, gratuit și confidențial."
    ),
    "project_contact": (
        "Echipa de streetwork a Caritas și Diakonie: telefon 02331 000 000 sau Signal și WhatsApp "
        "0151 000 000 00. Marțea, între orele 15 și 19, în Bodelschwinghplatz."
    ),
}
