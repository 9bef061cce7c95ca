"""The demo content in Polish (informal "ty"). Machine-made: needs native review."""

QUESTIONNAIRE = {
    "title": "Jak ci się żyje w dzielnicy?",
    "intro": (
        "Kilka krótkich pytań o ciebie, twoją dzielnicę i o to, gdzie możesz mieć coś do "
        "powiedzenia. To zajmie około trzech minut."
    ),
    "pages": {1: "Ty i twoja dzielnica", 2: "Twój głos w dzielnicy", 3: "Twoje pomysły"},
    "questions": {
        "quartier": "Gdzie mieszkasz?",
        "alter": "Ile masz lat?",
        "geschlecht": "Jaka jest twoja płeć?",
        "wohlfuehlen": "Dobrze się czuję w mojej dzielnicy.",
        "mitbestimmen": "Na ile możesz współdecydować o sprawach twojej dzielnicy?",
        "wunsch": "Czego chcesz dla swojej dzielnicy?",
    },
    "help_texts": {"mitbestimmen": "0 oznacza wcale, 10 oznacza bardzo dużo."},
}

NEWS_INDEX = {
    "title": "Aktualności",
    "intro": (
        "Tutaj dowiesz się, co się teraz dzieje w projekcie, jakie są oferty i co wynikło z "
        "waszych odpowiedzi."
    ),
}

TOPICS = {
    "Umfrage": "Ankieta",
    "Beteiligung": "Udział",
    "Streetwork": "Streetwork",
    "Beratung": "Doradztwo",
    "Freizeit": "Czas wolny",
    "Coaching": "Coaching",
    "Ausbildung": "Nauka zawodu",
    "Mentoring": "Mentoring",
    "Ehrenamt": "Wolontariat",
}

NEWS = {
    "ergebnisse-der-fruehjahrsumfrage": {
        "title": "Wasze odpowiedzi z wiosny: czego się dowiedzieliśmy",
        "intro": (
            "Wielu z was wzięło wiosną udział w naszej ankiecie. Tutaj opowiadamy, co nas uderzyło."
        ),
        "body": [
            "Wiosną młodzi ludzie z Altenhagen i Wehringhausen anonimowo odpowiadali na "
            "pytania o swoją codzienność, swoje mocne strony i swoją dzielnicę. Dziękujemy "
            "wszystkim, którzy znaleźli na to czas!",
            "Wielu napisało, że oparciem są dla nich przyjaciele, rodzina i stałe miejsca "
            "spotkań. Często wymieniano klub młodzieżowy. Jednocześnie wielu chciałoby "
            "więcej miejsc na dworze, gdzie można spędzać czas bez kłopotów.",
            "Ważnym tematem był czas po szkole: niektórzy czują się zostawieni sami sobie przy "
            "szukaniu miejsca nauki zawodu albo nie wiedzą, kogo zapytać. Wieczorem niektórzy "
            "nie czują się bezpiecznie na niektórych drogach i placach.",
            "Kierownictwo projektu z Caritas Hagen i Diakonie Mark-Ruhr omówiło wyniki z "
            "zarządem dzielnicy Wehringhausen i urzędem ds. młodzieży miasta Hagen. "
            "Pierwsze pomysły to nowa trasa streetworkerów i więcej wsparcia w przejściu do "
            "nauki zawodu i pracy.",
        ],
    },
    "streetwork-dienstagstour-bodelschwinghplatz": {
        "title": "Nowość: streetworkerzy we wtorki na Bodelschwinghplatz",
        "intro": (
            "Od teraz zespół streetworkerów jest w każdy wtorek po południu w Wehringhausen. "
            "Po prostu nas zaczep!"
        ),
        "image_alt": "Kolorowa ilustracja trasy streetworkerów: kolorowe koła nad zieloną łąką",
        "body": [
            "W każdy wtorek od 15 do 19 zespół streetworkerów Caritas Hagen i Diakonie "
            "Mark-Ruhr jest w Wehringhausen. Trasa zaczyna się na Bodelschwinghplatz i "
            "prowadzi przez dzielnicę przez Wilhelmsplatz.",
            "Możesz z nami porozmawiać o wszystkim: o stresie w domu, kłopotach w szkole, "
            "zmartwieniach o pieniądze albo po prostu o tym, co cię teraz zajmuje. Wszystko "
            "zostaje między nami i nie musisz się umawiać.",
            "Pomysł na wtorkową trasę wziął się z wiosennej ankiety. Wielu z was chciało mieć "
            "osoby do rozmowy tam, gdzie i tak się spotykacie.",
            "Jeśli potrzebujesz pomocy z wnioskiem, podaniem o pracę albo wizytą w urzędzie, "
            "razem sprawdzimy, kto może pomóc, a jeśli chcesz, pójdziemy tam z tobą.",
        ],
    },
    "fensterberatung-im-projektbuero": {
        "title": "Porady przez okno: pytaj, nie wchodząc do środka",
        "intro": (
            "Chcesz się czegoś dowiedzieć, ale nie od razu przychodzić do biura? Przy naszych "
            "poradach przez okno wystarczy zapukać w szybę."
        ),
        "body": [
            "W każdą środę od 14 do 17 otwieramy okno na ulicę w biurze projektu przy "
            "Musterstraße 1. Możesz po prostu się zatrzymać i zadać pytanie, bez zapisów.",
            "Streetworkerzy i koleżanka z doradztwa zawodowego odpowiadają na pytania o "
            "szkołę, naukę zawodu, pieniądze, mieszkanie albo kłopoty z urzędami. Jeśli to "
            "potrwa dłużej, możesz wejść albo umówić się na termin.",
            "Czasem pierwszy krok jest najtrudniejszy. Poradami przez okno chcemy ułatwić ci "
            "poznanie nas.",
            "Możesz też do nas zadzwonić pod numer 02331 000 000. Przy złej pogodzie "
            "podajemy herbatę przez okno.",
        ],
    },
    "sommer-fussballturnier-altenhagen": {
        "title": "Pierwszy gwizdek: letni turniej piłki nożnej w Altenhagen",
        "intro": (
            "Zbierzcie drużynę i zagrajcie w turnieju piłki nożnej w Altenhagen! Udział jest "
            "bezpłatny, dobra zabawa obowiązkowa."
        ),
        "image_alt": "Kolorowa ilustracja turnieju piłki nożnej: kolorowe koła nad zieloną łąką",
        "body": [
            "W ostatnią sobotę wakacji klub młodzieżowy, Caritas Hagen i Diakonie Mark-Ruhr "
            "zapraszają na turniej piłki nożnej na boisku przy moście w Altenhagen. Zaczynamy "
            "o 11.",
            "Drużyna to pięć osób grających plus rezerwowi. Drużyny mieszane są bardzo mile "
            "widziane, a grupy wiekowe są dwie: od 10 do 15 i od 16 do 27 lat.",
            "Zapisać się możecie w klubie młodzieżowym albo u streetworkerów. Jeśli nie masz "
            "jeszcze drużyny, po prostu przyjdź, znajdziemy dla ciebie miejsce.",
            "Oprócz turnieju będą muzyka, napoje i grill, który współorganizuje młodzież z "
            "klubu. U nas fair play liczy się bardziej niż gole.",
        ],
    },
    "umfrage-wie-gehts-dir-im-quartier": {
        "title": "Ankieta ruszyła: „Jak ci się żyje w dzielnicy?”",
        "intro": "Nasza nowa ankieta jest online. Zajmuje około dziesięciu minut i jest "
        "całkowicie anonimowa.",
        "body": [
            "Od dziś możesz wziąć udział w ankiecie „Jak ci się żyje w dzielnicy?”. Jest dla "
            "młodych ludzi w wieku od 10 do 27 lat, którzy mieszkają, chodzą do szkoły albo "
            "spędzają wolny czas w Altenhagen lub Wehringhausen.",
            "Pytamy na przykład, gdzie czujesz się dobrze, co daje ci siłę, kto pomaga ci w "
            "problemach i co powinno się poprawić w twojej okolicy. Nie musisz podawać "
            "imienia ani adresu e-mail.",
            "Co się dzieje z twoimi odpowiedziami? Opracowujemy je tylko zbiorczo i "
            "pokazujemy wyniki na tej stronie. Grup mniejszych niż pięć osób nie pokazujemy, "
            "żeby nikogo nie dało się rozpoznać.",
            "Wyniki omawiamy z zarządem dzielnicy Wehringhausen i urzędem ds. młodzieży "
            "miasta Hagen. Zaprosimy was też na spotkanie, na którym sami zdecydujecie, co "
            "ma z tego wyniknąć.",
        ],
    },
    "coaching-fuer-den-ausbildungsplatz": {
        "title": "Koniec szkoły i co teraz? Coaching w drodze do nauki zawodu",
        "intro": (
            "Szukasz miejsca nauki zawodu i nie wiesz, od czego zacząć? Nasz coaching "
            "poprowadzi cię krok po kroku."
        ),
        "body": [
            "Wielu młodych ludzi kończy szkołę bez planu, co dalej. To zupełnie normalne i "
            "właśnie dlatego istnieje nasz coaching przy przejściu ze szkoły do nauki zawodu "
            "i pracy.",
            "Razem sprawdzamy, w czym jesteś dobry lub dobra i co cię interesuje. Razem "
            "piszemy podania, ćwiczymy rozmowy kwalifikacyjne i szukamy firm w Hagen, które "
            "oferują miejsca nauki zawodu.",
            "Coaching jest bezpłatny i dobrowolny. Ty nadajesz tempo, a my jesteśmy przy "
            "tobie także wtedy, gdy coś nie wyjdzie albo dostaniesz odmowę.",
            "Zgłoś się na porady przez okno, do streetworkerów albo zadzwoń pod numer 02331 "
            "000 000. Możesz też przyjść z przyjacielem lub przyjaciółką.",
        ],
    },
    "mentorinnen-und-mentoren-gesucht": {
        "title": "Szukamy mentorek i mentorów: podaruj młodym ludziom swój czas",
        "intro": (
            "Masz kilka godzin w miesiącu i chęć słuchania? Zostań mentorką lub mentorem-"
            "wolontariuszem!"
        ),
        "body": [
            "Do naszego programu mentoringowego szukamy wolontariuszy, którzy będą "
            "towarzyszyć młodym ludziom z Altenhagen i Wehringhausen przez część ich drogi, "
            "na przykład przy wyborze zawodu, przy odrabianiu lekcji albo po prostu jako "
            "osoba do rozmowy.",
            "Nie potrzebujesz wykształcenia pedagogicznego. Liczą się cierpliwość, "
            "rzetelność i zainteresowanie młodymi ludźmi. Studentka, rzemieślnik czy "
            "emerytka: każdy jest mile widziany.",
            "Mentorka, która jest z nami od roku, mówi: „Najpiękniej jest wtedy, gdy widać, "
            "że ktoś znowu w siebie wierzy”.",
            "Caritas Hagen i Diakonie Mark-Ruhr przygotują cię do tego zadania na szkoleniu. "
            "Regularne spotkania z innymi mentorami i wsparcie kierownictwa projektu są "
            "oczywiste.",
        ],
    },
    "aufraeumaktion-wehringhausen": {
        "title": "Bierzemy się do roboty: sprzątanie w Wehringhausen",
        "intro": (
            "Młodzi ludzie chcieli czystszego Wilhelmsplatz. Teraz sprzątamy razem, a ty "
            "możesz do nas dołączyć!"
        ),
        "body": [
            "W ankiecie wielu napisało, że w niektórych miejscach dzielnicy nie lubi "
            "przebywać z powodu śmieci i potłuczonego szkła. Stąd wziął się pomysł wspólnego "
            "sprzątania.",
            "W sobotę 14 listopada spotykamy się o 10 na Wilhelmsplatz. Stamtąd w małych "
            "grupach idziemy przez Wehringhausen, także na Bodelschwinghplatz.",
            "Akcję organizują młodzi ludzie z dzielnicy razem z zarządem dzielnicy "
            "Wehringhausen i streetworkerami. Rękawice, chwytaki i worki na śmieci "
            "zapewniamy.",
            "Na koniec będzie zupa i gorące napoje. Kto chce, może od razu razem z nami "
            "pomyśleć, jak upiększyć niektóre zakątki dzielnicy.",
        ],
    },
}

CONTACT = {
    "title": "Kontakt",
    "intro": (
        "Masz pytanie, potrzebujesz pomocy albo po prostu chcesz pogadać? Możesz się z nami "
        "skontaktować na wiele sposobów, nawet bez przychodzenia do biura."
    ),
    "phone_hours": "Od poniedziałku do piątku, od 10 do 16",
    "messenger": "Signal i WhatsApp: 0151 000 000 00 (odpowiadamy w dni robocze do 18)",
    "window_consultation": (
        "W środy od 14 do 17 otwieramy okno na ulicę w biurze projektu w Altenhagen. Po "
        "prostu zapukaj, bez zapisów.\n"
        "W czwartki od 15 do 17 porady przez okno są też w biurze dzielnicowym w "
        "Wehringhausen."
    ),
    "offices": [
        {
            "name": "Biuro projektu Altenhagen",
            "office_hours": "Poniedziałek i środa 14–18\nPiątek 10–13",
        },
        {
            "name": "Biuro dzielnicowe Wehringhausen",
            "office_hours": "Wtorek i czwartek 14–18",
        },
    ],
}

PAGES = {
    "projekt": {
        "title": "O projekcie",
        "intro": (
            "PaRT to partycypacja, odporność i uczestnictwo. Caritas Hagen i Diakonie "
            "Mark-Ruhr towarzyszą młodym ludziom w wieku od 10 do 27 lat w Altenhagen i "
            "Wehringhausen."
        ),
        "body": [
            ("heading", "Co robimy"),
            (
                "paragraph",
                "<p>Nasz zespół streetworkerów jest tam, gdzie się spotykacie: na placach, "
                "na przystanku, przed klubem młodzieżowym. Słuchamy, pomagamy przy wnioskach "
                "i podaniach o pracę, a jeśli chcesz, idziemy z tobą do urzędu.</p>"
                "<ul><li><b>Praca w terenie:</b> trasy streetworkerów w obu "
                "dzielnicach.</li>"
                "<li><b>Coaching:</b> wsparcie w drodze ze szkoły do nauki zawodu i "
                "pracy.</li>"
                "<li><b>Mentoring:</b> mentorki i mentorzy-wolontariusze towarzyszą młodym "
                "ludziom przez część ich drogi.</li>"
                "<li><b>Udział:</b> krótkie anonimowe ankiety, których wyniki każdy może "
                "zobaczyć.</li></ul>",
            ),
            ("heading", "Z kim współpracujemy"),
            (
                "paragraph",
                "<p>Ściśle współpracujemy z Wydziałem ds. Młodzieży i Spraw Socjalnych miasta "
                "Hagen oraz z zarządem dzielnicy Soziale Stadt Wehringhausen.</p>",
            ),
        ],
    },
    "datenschutz": {
        "title": "Ochrona danych",
        "intro": (
            "Tutaj piszemy dokładnie, co zapisujemy, dlaczego i kiedy to usuwamy. W "
            "skrócie: ankiety są anonimowe i nie śledzimy cię."
        ),
        "body": [
            ("heading", "Kiedy odwiedzasz stronę"),
            (
                "paragraph",
                "<p>Nie używamy plików cookie do analiz ani reklam i nie ładujemy niczego z "
                "obcych serwerów: żadnych czcionek, map, filmów ani usług statystycznych. "
                "Nasze serwery nie zapisują adresów IP w logach. Tylko gdy wysyłasz "
                "formularz, strona ustawia technicznie niezbędny plik cookie (csrftoken), "
                "który chroni formularze przed nadużyciem. Nie zawiera on nic o tobie.</p>",
            ),
            ("heading", "Kiedy bierzesz udział w ankiecie"),
            (
                "paragraph",
                "<p>Twoje odpowiedzi są anonimowe. Zapisujemy twoje odpowiedzi, język, w "
                "którym odpowiadasz, i dzień, ale nie godzinę. Nie zapisujemy imienia, "
                "adresu e-mail, adresu IP, urządzenia ani przeglądarki. Jeśli używasz kodu "
                "dostępu, zapisujemy tylko, że kod został wykorzystany, bez związku z twoimi "
                "odpowiedziami.</p><p>Wyniki pokazujemy tylko zbiorczo i tylko dla grup co "
                "najmniej pięciu osób. Wolne teksty publikujemy dopiero wtedy, gdy ktoś z "
                "zespołu je przeczyta.</p>",
            ),
            ("heading", "Kiedy zgłaszasz się na mentora"),
            (
                "paragraph",
                "<p>Zapisujemy twoje imię, numer telefonu lub adres e-mail, informację, kiedy "
                "masz czas, i twoją zgodę. Czytać je może tylko kierownictwo projektu. "
                "Usuwamy je automatycznie po 180 dniach albo wcześniej, jeśli chcesz. "
                "Podstawą prawną jest twoja zgoda (art. 6 ust. 1 lit. a RODO).</p>",
            ),
            ("heading", "Kiedy zgłaszasz barierę"),
            (
                "paragraph",
                "<p>Zapisujemy twoją wiadomość i, jeśli je podasz, dane do kontaktu. Oba "
                "usuwamy po 90 dniach.</p>",
            ),
            ("heading", "Twoje prawa"),
            (
                "paragraph",
                "<p>Masz prawo do informacji, sprostowania, usunięcia i ograniczenia "
                "przetwarzania, a zgodę możesz w każdej chwili wycofać. Możesz złożyć skargę "
                "do Pełnomocniczki ds. Ochrony Danych i Wolności Informacji Nadrenii "
                "Północnej-Westfalii.</p>"
                "<p>Inspektor ochrony danych organizacji: datenschutz@example.invalid</p>",
            ),
        ],
    },
    "barrierefreiheit": {
        "title": "Dostępność",
        "intro": (
            "Deklaracja dostępności zgodnie z ustawą o równouprawnieniu osób z "
            "niepełnosprawnościami i rozporządzeniem o dostępnych technologiach "
            "informacyjnych Nadrenii Północnej-Westfalii (BITV NRW)."
        ),
        "body": [
            ("heading", "Stan zgodności"),
            (
                "paragraph",
                "<p>Ta strona ma spełniać wymagania WCAG 2.1 na poziomie AA. Każdy rodzaj "
                "strony jest przy każdej zmianie automatycznie sprawdzany pod kątem barier, "
                "na telefonie i na komputerze, po niemiecku i po arabsku.</p>",
            ),
            ("heading", "Co nie jest jeszcze dostępne"),
            (
                "paragraph",
                "<p>Niektórych stron nie ma jeszcze we wszystkich dziewięciu językach; są "
                "wtedy pokazywane po niemiecku. Tłumaczenia są jeszcze sprawdzane przez "
                "rodzimych użytkowników języka.</p>",
            ),
            ("heading", "Uwagi i kontakt"),
            (
                "paragraph",
                "<p>Zauważasz barierę? Skorzystaj z formularza „Zgłoś barierę” albo zadzwoń: "
                "02331 000 000.</p>",
            ),
            ("heading", "Postępowanie polubowne"),
            (
                "paragraph",
                "<p>Jeśli nasza odpowiedź cię nie zadowala, możesz zwrócić się do biura "
                "rzecznika ds. dostępnych technologii informacyjnych kraju związkowego "
                "Nadrenia Północna-Westfalia.</p>",
            ),
        ],
    },
    "leichte-sprache": {
        "title": "Prosty język",
        "intro": "Tutaj wyjaśniamy projekt prostymi słowami.",
        "body": [
            ("heading", "Co to jest PaRT?"),
            (
                "paragraph",
                "<p>PaRT to projekt dla młodych ludzi.</p>"
                "<p>Ci młodzi ludzie mieszkają w Hagen.</p>"
                "<p>Mieszkają w Altenhagen albo w Wehringhausen.</p>"
                "<p>Mają od 10 do 27 lat.</p>",
            ),
            ("heading", "Kto prowadzi projekt?"),
            (
                "paragraph",
                "<p>Caritas Hagen i Diakonie Mark-Ruhr.</p>"
                "<p>To są 2 organizacje.</p><p>Pomagają ludziom.</p>",
            ),
            ("heading", "Co robimy?"),
            (
                "paragraph",
                "<ul><li>Jesteśmy na dworze w dzielnicy.<br>Możesz z nami porozmawiać.</li>"
                "<li>Pomagamy ci szukać nauki zawodu.</li>"
                "<li>Pytamy cię o zdanie.<br>To się nazywa ankieta.</li></ul>",
            ),
            ("heading", "Ankieta"),
            (
                "paragraph",
                "<p>Ankieta jest tajna.</p><p>Nie musisz mówić, jak się nazywasz.</p>"
                "<p>Nikt nie wie, co odpowiadasz.</p>"
                "<p>Pokazujemy tylko, co odpowiedziało wiele osób razem.</p>",
            ),
            ("heading", "Jak nas znaleźć"),
            (
                "paragraph",
                "<p>Zadzwoń do nas: 02331 000 000.</p>"
                "<p>Albo przyjdź do naszego biura.<br>Biuro jest przy Musterstraße 1.</p>",
            ),
        ],
    },
}

# The results index only: the dashboards below it stay German until staff translate them.
DASHBOARD_INDEX = {
    "title": "Wyniki",
    "intro": (
        "Na tej stronie widzisz, co młodzi ludzie odpowiedzieli w naszych ankietach, całkowicie "
        "anonimowo. Nie pokazujemy wyników mniej niż pięciu osób, żeby nikogo nie dało się "
        "rozpoznać."
    ),
}

# The extra help on the thank-you page when an answer meets a safeguarding rule.
SAFEGUARDING_HELP = {
    "counselling": (
        "Poradnia dla młodzieży w Hagen (przykład): telefon 02331 000 003, od poniedziałku do "
        "piątku od 9 do 16, bezpłatnie i poufnie."
    ),
    "project_contact": (
        "Zespół streetworkerów Caritas i Diakonie: telefon 02331 000 000 albo Signal i WhatsApp "
        "0151 000 000 00. We wtorki od 15 do 19 na Bodelschwinghplatz."
    ),
}
