"""The demo content in Turkish (informal "sen"). Machine-made: needs native review."""

QUESTIONNAIRE = {
    "title": "Mahallende nasılsın?",
    "intro": (
        "Sana, mahallene ve nerede söz sahibi olabileceğine dair birkaç kısa soru. "
        "Yaklaşık üç dakika sürer."
    ),
    "pages": {1: "Sen ve mahallen", 2: "Mahallende söz sahibi olmak", 3: "Senin fikirlerin"},
    "questions": {
        "quartier": "Nerede oturuyorsun?",
        "alter": "Kaç yaşındasın?",
        "geschlecht": "Cinsiyetin nedir?",
        "wohlfuehlen": "Mahallemde kendimi iyi hissediyorum.",
        "mitbestimmen": "Mahallende ne kadar söz sahibi olabiliyorsun?",
        "wunsch": "Mahallen için ne isterdin?",
    },
    "help_texts": {"mitbestimmen": "0 hiç demek, 10 çok fazla demek."},
}

NEWS_INDEX = {
    "title": "Haberler",
    "intro": (
        "Projede şu anda neler olduğunu, hangi imkânların bulunduğunu ve cevaplarınızdan "
        "neler çıktığını burada öğrenebilirsin."
    ),
}

TOPICS = {
    "Umfrage": "Anket",
    "Beteiligung": "Katılım",
    "Streetwork": "Sokak çalışması",
    "Beratung": "Danışmanlık",
    "Freizeit": "Boş zaman",
    "Coaching": "Koçluk",
    "Ausbildung": "Meslek eğitimi",
    "Mentoring": "Mentorluk",
    "Ehrenamt": "Gönüllülük",
}

NEWS = {
    "ergebnisse-der-fruehjahrsumfrage": {
        "title": "İlkbahardaki cevaplarınız: Bunları öğrendik",
        "intro": (
            "Birçoğunuz ilkbaharda anketimize katıldı. Burada dikkatimizi çekenleri anlatıyoruz."
        ),
        "body": [
            "İlkbaharda Altenhagen ve Wehringhausen'dan gençler günlük hayatları, güçlü "
            "yanları ve mahalleleri hakkındaki soruları isimsiz olarak cevapladı. Zaman "
            "ayıran herkese teşekkürler!",
            "Birçoğu arkadaşların, ailenin ve düzenli buluşma yerlerinin kendilerine destek "
            "olduğunu yazdı. Gençlik merkezi sık sık anıldı. Aynı zamanda birçoğu, sorun "
            "yaşamadan vakit geçirebilecekleri daha fazla açık alan istiyor.",
            "Önemli bir konu da okul sonrası dönemdi: Bazıları meslek eğitimi yeri ararken "
            "kendini yalnız bırakılmış hissediyor ya da kime soracağını bilmiyor. Bazıları "
            "akşamları bazı yollarda ve meydanlarda kendini güvende hissetmiyor.",
            "Caritas Hagen ve Diakonie Mark-Ruhr proje yönetimi sonuçları Wehringhausen "
            "mahalle yönetimi ve Hagen Belediyesi Gençlik Dairesi ile konuştu. İlk fikirler: "
            "yeni bir sokak çalışması turu ve meslek eğitimine ve iş hayatına geçişte daha "
            "fazla destek.",
        ],
    },
    "streetwork-dienstagstour-bodelschwinghplatz": {
        "title": "Yeni: Sokak çalışması ekibi salı günleri Bodelschwinghplatz'ta",
        "intro": (
            "Sokak çalışması ekibi artık her salı öğleden sonra Wehringhausen'da. Bize "
            "gelip konuşman yeterli!"
        ),
        "image_alt": "Sokak çalışması turu için renkli bir çizim: yeşil bir çayırın "
        "üzerinde renkli daireler",
        "body": [
            "Caritas Hagen ve Diakonie Mark-Ruhr'un sokak çalışması ekibi her salı 15.00 ile "
            "19.00 arasında Wehringhausen'da. Tur Bodelschwinghplatz'ta başlıyor ve "
            "Wilhelmsplatz üzerinden mahallede devam ediyor.",
            "Bizimle her şey hakkında konuşabilirsin: evdeki stres, okuldaki sorunlar, para "
            "dertleri ya da sadece seni meşgul eden şeyler. Her şey aramızda kalır ve "
            "bunun için randevu alman gerekmez.",
            "Salı turu fikri ilkbahar anketinden çıktı. Birçoğunuz, zaten buluştuğunuz "
            "yerlerde konuşabileceğiniz kişilerin olmasını istedi.",
            "Bir başvuru, bir iş başvurusu ya da resmi bir randevu için yardıma ihtiyacın "
            "varsa, kimin yardım edebileceğine birlikte bakarız; istersen seninle oraya da "
            "gideriz.",
        ],
    },
    "fensterberatung-im-projektbuero": {
        "title": "Pencere danışmanlığı: İçeri girmeden soru sor",
        "intro": (
            "Bir şey öğrenmek istiyorsun ama hemen ofise gelmek istemiyor musun? Pencere "
            "danışmanlığımızda pencereye vurman yeterli."
        ),
        "body": [
            "Her çarşamba 14.00 ile 17.00 arasında Musterstraße 1'deki proje ofisinde "
            "sokağa bakan pencereyi açıyoruz. Durup sorunu sorabilirsin, kayıt gerekmez.",
            "Sokak çalışması ekibi ve meslek desteğinden bir meslektaşımız okul, meslek "
            "eğitimi, para, konut ya da resmi dairelerle sorunlar hakkındaki soruları "
            "cevaplıyor. Uzun sürerse içeri gelebilir ya da randevu alabilirsin.",
            "Bazen ilk adım en zorudur. Pencere danışmanlığıyla bizi tanımanı "
            "kolaylaştırmak istiyoruz.",
            "Bize 02331 000 000 numaralı telefondan da ulaşabilirsin. Hava kötüyse "
            "pencereden çay veriyoruz.",
        ],
    },
    "sommer-fussballturnier-altenhagen": {
        "title": "Başlama düdüğü: Altenhagen'da yaz futbol turnuvası",
        "intro": (
            "Bir takım kur ve Altenhagen'daki futbol turnuvasına katıl! Katılım ücretsiz, "
            "eğlenmek şart."
        ),
        "image_alt": "Futbol turnuvası için renkli bir çizim: yeşil bir çayırın üzerinde "
        "renkli daireler",
        "body": [
            "Yaz tatilinin son cumartesi günü gençlik merkezi, Caritas Hagen ve Diakonie "
            "Mark-Ruhr, Altenhagen köprüsünün yakınındaki sahada bir futbol turnuvasına "
            "davet ediyor. Saat 11.00'de başlıyoruz.",
            "Bir takım beş oyuncu ve yedeklerden oluşur. Karma takımlar özellikle "
            "hoş karşılanır; iki yaş grubu var: 10–15 yaş ve 16–27 yaş.",
            "Gençlik merkezinde ya da sokak çalışması ekibinde kayıt olabilirsiniz. Henüz "
            "takımın yoksa yine de gel, sana bir yer buluruz.",
            "Turnuvanın yanında müzik, içecekler ve gençlik merkezindeki gençlerin birlikte "
            "düzenlediği bir mangal var. Bizim için centilmenlik gollerden daha önemli.",
        ],
    },
    "umfrage-wie-gehts-dir-im-quartier": {
        "title": "Anket başladı: “Mahallende nasılsın?”",
        "intro": "Yeni anketimiz internette. Yaklaşık on dakika sürer ve tamamen isimsiz.",
        "body": [
            "Bugünden itibaren “Mahallende nasılsın?” anketine katılabilirsin. Anket, "
            "Altenhagen ya da Wehringhausen'da oturan, okula giden ya da boş zamanını "
            "geçiren 10 ile 27 yaş arasındaki gençlere yönelik.",
            "Örneğin nerede kendini iyi hissettiğini, sana neyin güç verdiğini, sorunlarında "
            "kimin yardım ettiğini ve semtinde neyin daha iyi olması gerektiğini soruyoruz. "
            "Ad ya da e-posta adresi vermen gerekmez.",
            "Cevaplarına ne olacak? Onları yalnızca toplu olarak değerlendiriyor ve "
            "sonuçları bu sitede gösteriyoruz. Kimse tanınmasın diye beş kişiden küçük "
            "gruplar gösterilmez.",
            "Sonuçları Wehringhausen mahalle yönetimi ve Hagen Belediyesi Gençlik Dairesi "
            "ile konuşuyoruz. Ayrıca sizi, bundan ne çıkacağına kendinizin de karar "
            "vereceği bir buluşmaya davet ediyoruz.",
        ],
    },
    "coaching-fuer-den-ausbildungsplatz": {
        "title": "Okul bitti, şimdi ne olacak? Meslek eğitimine giden yolda koçluk",
        "intro": (
            "Meslek eğitimi yeri arıyorsun ve nereden başlayacağını bilmiyor musun? "
            "Koçluğumuz sana adım adım eşlik ediyor."
        ),
        "body": [
            "Birçok genç, sonra ne olacağına dair bir plan olmadan okuldan ayrılıyor. Bu "
            "tamamen normal ve okuldan meslek eğitimine ve iş hayatına geçiş için verdiğimiz "
            "koçluk tam da bunun için var.",
            "Neyi iyi yaptığını ve neyin ilgini çektiğini birlikte buluyoruz. Başvuruları "
            "birlikte yazıyor, iş görüşmelerini çalışıyor ve Hagen'de meslek eğitimi yeri "
            "sunan işletmeleri arıyoruz.",
            "Koçluk ücretsiz ve gönüllü. Hızı sen belirlersin; bir şey yolunda gitmediğinde "
            "ya da ret cevabı aldığında da yanında oluruz.",
            "Pencere danışmanlığına gel, sokak çalışması ekibiyle konuş ya da 02331 000 000 "
            "numarasını ara. İstersen bir arkadaşını da getirebilirsin.",
        ],
    },
    "mentorinnen-und-mentoren-gesucht": {
        "title": "Mentor arıyoruz: Zamanını gençlere armağan et",
        "intro": ("Ayda birkaç saatin ve dinleyen bir kulağın var mı? O zaman gönüllü mentor ol!"),
        "body": [
            "Mentorluk programımız için Altenhagen ve Wehringhausen'daki gençlere yollarının "
            "bir kısmında eşlik edecek gönüllüler arıyoruz; örneğin meslek seçiminde, ev "
            "ödevlerinde ya da sadece konuşulacak biri olarak.",
            "Pedagoji eğitimi almış olman gerekmez. Önemli olan sabır, güvenilirlik ve "
            "gençlere ilgi. Öğrenci, zanaatkâr ya da emekli: Herkes hoş geldi.",
            "Bir yıldır aramızda olan bir mentor şöyle diyor: “En güzeli, birinin yeniden "
            "kendine inandığını fark etmek.”",
            "Caritas Hagen ve Diakonie Mark-Ruhr seni bir eğitimle görevine hazırlıyor. "
            "Diğer mentorlarla düzenli buluşmalar ve proje yönetiminin desteği elbette var.",
        ],
    },
    "aufraeumaktion-wehringhausen": {
        "title": "Birlikte el atalım: Wehringhausen'da temizlik etkinliği",
        "intro": (
            "Gençler daha temiz bir Wilhelmsplatz istedi. Şimdi birlikte temizliyoruz, sen "
            "de katılabilirsin!"
        ),
        "body": [
            "Ankette birçoğu, mahalledeki bazı yerlerde çöp ve cam kırıkları yüzünden "
            "vakit geçirmek istemediğini yazdı. Ortak bir temizlik etkinliği fikri buradan "
            "doğdu.",
            "14 Kasım cumartesi günü saat 10.00'da Wilhelmsplatz'ta buluşuyoruz. Oradan "
            "küçük gruplar halinde Wehringhausen'ı dolaşıyoruz, Bodelschwinghplatz'a da "
            "gidiyoruz.",
            "Etkinliği mahalleden gençler, Wehringhausen mahalle yönetimi ve sokak "
            "çalışması ekibiyle birlikte düzenliyor. Eldiven, çöp maşası ve çöp torbası "
            "veriliyor.",
            "Sonunda çorba ve sıcak içecekler var. İstersen mahallenin bazı köşelerini "
            "nasıl güzelleştirebileceğimizi hemen birlikte düşünebiliriz.",
        ],
    },
}

CONTACT = {
    "title": "İletişim",
    "intro": (
        "Bir sorun mu var, yardıma mı ihtiyacın var ya da sadece konuşmak mı istiyorsun? "
        "Bize ofise gelmeden de birçok yoldan ulaşabilirsin."
    ),
    "phone_hours": "Pazartesiden cumaya, 10.00–16.00",
    "messenger": "Signal ve WhatsApp: 0151 000 000 00 (hafta içi 18.00'e kadar cevap veriyoruz)",
    "window_consultation": (
        "Çarşamba günleri 14.00–17.00 arasında Altenhagen proje ofisinde sokağa bakan "
        "pencereyi açıyoruz. Kayıt olmadan pencereye vurman yeterli.\n"
        "Perşembe günleri 15.00–17.00 arasında Wehringhausen mahalle ofisinde de pencere "
        "danışmanlığı var."
    ),
    "offices": [
        {
            "name": "Altenhagen proje ofisi",
            "office_hours": "Pazartesi ve çarşamba 14.00–18.00\nCuma 10.00–13.00",
        },
        {
            "name": "Wehringhausen mahalle ofisi",
            "office_hours": "Salı ve perşembe 14.00–18.00",
        },
    ],
}

PAGES = {
    "projekt": {
        "title": "Proje hakkında",
        "intro": (
            "PaRT; katılım, dayanıklılık ve toplumsal hayata katılım demek. Caritas Hagen ve "
            "Diakonie Mark-Ruhr, Altenhagen ve Wehringhausen'da 10 ile 27 yaş arasındaki "
            "gençlere eşlik ediyor."
        ),
        "body": [
            ("heading", "Neler yapıyoruz"),
            (
                "paragraph",
                "<p>Sokak çalışması ekibimiz sizin buluştuğunuz yerlerde: meydanlarda, "
                "durakta, gençlik merkezinin önünde. Dinliyoruz, başvurularda yardım "
                "ediyoruz ve istersen seninle resmi dairelere gidiyoruz.</p>"
                "<ul><li><b>Sokak çalışması:</b> iki mahallede de turlar.</li>"
                "<li><b>Koçluk:</b> okuldan meslek eğitimine ve iş hayatına geçişte "
                "destek.</li>"
                "<li><b>Mentorluk:</b> gönüllü mentorlar gençlere yollarının bir kısmında "
                "eşlik ediyor.</li>"
                "<li><b>Katılım:</b> sonuçlarını herkesin görebildiği kısa, isimsiz "
                "anketler.</li></ul>",
            ),
            ("heading", "Kimlerle çalışıyoruz"),
            (
                "paragraph",
                "<p>Hagen Belediyesi Gençlik ve Sosyal İşler Dairesi ve Soziale Stadt "
                "Wehringhausen mahalle yönetimiyle yakın çalışıyoruz.</p>",
            ),
        ],
    },
    "datenschutz": {
        "title": "Veri koruma",
        "intro": (
            "Burada neyi, neden sakladığımızı ve ne zaman sildiğimizi tam olarak "
            "yazıyoruz. Kısacası: Anketler isimsizdir ve seni takip etmiyoruz."
        ),
        "body": [
            ("heading", "Siteyi ziyaret ettiğinde"),
            (
                "paragraph",
                "<p>Analiz ya da reklam için çerez kullanmıyoruz ve yabancı sunuculardan "
                "hiçbir şey yüklemiyoruz: yazı tipi, harita, video ya da istatistik "
                "hizmeti yok. Sunucularımız kayıtlarda IP adresi saklamaz. Yalnızca bir "
                "form gönderdiğinde site, formları kötüye kullanıma karşı koruyan teknik "
                "olarak gerekli bir çerez (csrftoken) kullanır. Bu çerez senin hakkında "
                "hiçbir bilgi içermez.</p>",
            ),
            ("heading", "Bir ankete katıldığında"),
            (
                "paragraph",
                "<p>Cevapların isimsizdir. Cevaplarını, hangi dilde cevap verdiğini ve "
                "günü saklıyoruz, saati değil. Ad, e-posta adresi, IP adresi, cihaz ya da "
                "tarayıcı bilgisi saklamıyoruz. Bir erişim kodu kullandıysan, yalnızca "
                "kodun kullanıldığı not edilir; cevaplarınla bir bağlantısı yoktur.</p>"
                "<p>Sonuçları yalnızca toplu olarak ve en az beş kişilik gruplar için "
                "gösteriyoruz. Serbest metinleri ancak ekipten biri okuduktan sonra "
                "yayımlıyoruz.</p>",
            ),
            ("heading", "Mentor olmak için başvurduğunda"),
            (
                "paragraph",
                "<p>Adını, telefon numaranı ya da e-posta adresini, ne zaman vaktin "
                "olduğunu ve onayını saklıyoruz. Bunları yalnızca proje yöneticileri "
                "okuyabilir. 180 gün sonra ya da istersen daha önce otomatik olarak "
                "siliyoruz. Hukuki dayanak senin onayındır (GVKT md. 6 f. 1 a).</p>",
            ),
            ("heading", "Bir engel bildirdiğinde"),
            (
                "paragraph",
                "<p>Mesajını ve verdiysen sana nasıl ulaşabileceğimizi saklıyoruz. İkisini "
                "de 90 gün sonra siliyoruz.</p>",
            ),
            ("heading", "Hakların"),
            (
                "paragraph",
                "<p>Bilgi alma, düzeltme, silme ve işlemenin kısıtlanmasını isteme hakkın "
                "var; onayını istediğin zaman geri alabilirsin. Kuzey Ren-Vestfalya Veri "
                "Koruma ve Bilgi Edinme Özgürlüğü Görevlisine şikâyette bulunabilirsin.</p>"
                "<p>Kurumların veri koruma görevlisi: datenschutz@example.invalid</p>",
            ),
        ],
    },
    "barrierefreiheit": {
        "title": "Erişilebilirlik",
        "intro": (
            "Kuzey Ren-Vestfalya engelli eşitliği yasası ve erişilebilir bilgi teknolojisi "
            "yönetmeliğine (BITV NRW) göre erişilebilirlik beyanı."
        ),
        "body": [
            ("heading", "Uyum durumu"),
            (
                "paragraph",
                "<p>Bu site WCAG 2.1 AA seviyesinin gereklerini karşılamayı amaçlıyor. Her "
                "sayfa türü her değişiklikte telefonda ve bilgisayarda, Almanca ve Arapça "
                "olarak engellere karşı otomatik olarak kontrol ediliyor.</p>",
            ),
            ("heading", "Henüz erişilebilir olmayanlar"),
            (
                "paragraph",
                "<p>Bazı sayfalar henüz dokuz dilin hepsinde yok; o zaman Almanca "
                "gösterilir. Çeviriler hâlâ anadili olan kişiler tarafından kontrol "
                "ediliyor.</p>",
            ),
            ("heading", "Geri bildirim ve iletişim"),
            (
                "paragraph",
                "<p>Bir engelle mi karşılaştın? “Engel bildir” formunu kullan ya da bizi "
                "ara: 02331 000 000.</p>",
            ),
            ("heading", "Uzlaşma süreci"),
            (
                "paragraph",
                "<p>Cevabımızdan memnun değilsen, Kuzey Ren-Vestfalya eyaletinin "
                "erişilebilir bilgi teknolojisi ombudsmanlığına başvurabilirsin.</p>",
            ),
        ],
    },
    "leichte-sprache": {
        "title": "Kolay dil",
        "intro": "Burada projeyi kolay bir dille anlatıyoruz.",
        "body": [
            ("heading", "PaRT nedir?"),
            (
                "paragraph",
                "<p>PaRT gençler için bir proje.</p>"
                "<p>Bu gençler Hagen'de oturuyor.</p>"
                "<p>Altenhagen'da ya da Wehringhausen'da oturuyorlar.</p>"
                "<p>10 ile 27 yaş arasındalar.</p>",
            ),
            ("heading", "Projeyi kim yapıyor?"),
            (
                "paragraph",
                "<p>Caritas Hagen ve Diakonie Mark-Ruhr.</p>"
                "<p>Bunlar 2 kurum.</p><p>İnsanlara yardım ediyorlar.</p>",
            ),
            ("heading", "Ne yapıyoruz?"),
            (
                "paragraph",
                "<ul><li>Mahallede, dışarıdayız.<br>Bizimle konuşabilirsin.</li>"
                "<li>Meslek eğitimi yeri ararken sana yardım ediyoruz.</li>"
                "<li>Fikrini soruyoruz.<br>Buna anket denir.</li></ul>",
            ),
            ("heading", "Anket"),
            (
                "paragraph",
                "<p>Anket gizli.</p><p>Adını söylemek zorunda değilsin.</p>"
                "<p>Ne cevap verdiğini kimse bilmez.</p>"
                "<p>Sadece birçok kişinin birlikte ne cevap verdiğini gösteriyoruz.</p>",
            ),
            ("heading", "Bize nasıl ulaşırsın"),
            (
                "paragraph",
                "<p>Bizi ara: 02331 000 000.</p>"
                "<p>Ya da ofisimize gel.<br>Ofis Musterstraße 1'de.</p>",
            ),
        ],
    },
}

# The results index only: the dashboards below it stay German until staff translate them.
DASHBOARD_INDEX = {
    "title": "Sonuçlar",
    "intro": (
        "Bu sayfada gençlerin anketlerimizde neler cevapladığını tamamen isimsiz olarak "
        "görebilirsin. Kimse tanınmasın diye beş kişiden az kişiye ait sonuçları göstermiyoruz."
    ),
}

# The extra help on the thank-you page when an answer meets a safeguarding rule.
SAFEGUARDING_HELP = {
    "counselling": (
        "Hagen gençlik danışmanlığı (örnek): telefon 02331 000 003, pazartesiden cumaya "
        "9.00–16.00, ücretsiz ve gizli."
    ),
    "project_contact": (
        "Caritas ve Diakonie sokak çalışması ekibi: telefon 02331 000 000 ya da Signal ve WhatsApp "
        "0151 000 000 00. Salı günleri 15.00–19.00 arasında Bodelschwinghplatz'ta."
    ),
}
