#!/usr/bin/env python3
"""Writes Corpora/training/pb-projects-authored.jsonl: authored training records in the register of
participatory-budget project titles (with a short description as justification where natural).

Every phrase below was written for this project from the taxonomy's definitions (Models/taxonomy.json) and the
labelling guide of Benchmarks/real/README.md, and from general knowledge of what such projects are; no real
project's title was read, copied or paraphrased. The places are common Polish street, estate and park names, not
a survey of any city. Each template carries its themes; a record is a template with its slots filled (seeded, so the
file is reproducible): `python3 Corpora/training/make_pb_projects.py > Corpora/training/pb-projects-authored.jsonl`.

Labelling (the guide's rulings): a playground, a school, a kindergarten or activities named for children are
`youth`; street lighting, monitoring, crossings, speed bumps, traffic lights, fire-brigade and first-aid equipment,
and anything that names safety as its aim are `security` (safety of play equipment alone is only `youth`); older
people named are `seniors`, intergenerational is `seniors` (and `youth` when children are named too); a project's
own cost is never `funding`; neighbourhood festivals and meeting places are not `networking`. Most projects (roads,
pavements, greenery, benches, parking, trees, sport for everyone, libraries, culture) have no theme.
"""
import json
import random

SEED = 1506
rng = random.Random(SEED)

# (nominative, genitive/locative) of street names; the person-name streets do not inflect.
STREETS = [("Lipowa", "Lipowej"), ("Słoneczna", "Słonecznej"), ("Polna", "Polnej"), ("Leśna", "Leśnej"),
           ("Ogrodowa", "Ogrodowej"), ("Kwiatowa", "Kwiatowej"), ("Długa", "Długiej"), ("Krótka", "Krótkiej"),
           ("Szkolna", "Szkolnej"), ("Parkowa", "Parkowej"), ("Spacerowa", "Spacerowej"), ("Wiejska", "Wiejskiej"),
           ("Brzozowa", "Brzozowej"), ("Klonowa", "Klonowej"), ("Dębowa", "Dębowej"), ("Kasztanowa", "Kasztanowej"),
           ("Jesionowa", "Jesionowej"), ("Akacjowa", "Akacjowej"), ("Wrzosowa", "Wrzosowej"), ("Słowicza", "Słowiczej"),
           ("Żeglarska", "Żeglarskiej"), ("Morska", "Morskiej"), ("Górnicza", "Górniczej"), ("Hutnicza", "Hutniczej"),
           ("Kolejowa", "Kolejowej"), ("Fabryczna", "Fabrycznej"), ("Kościelna", "Kościelnej"), ("Sportowa", "Sportowej"),
           ("Grunwaldzka", "Grunwaldzkiej"), ("Jagiellońska", "Jagiellońskiej"), ("Warszawska", "Warszawskiej"),
           ("Krakowska", "Krakowskiej"), ("Poznańska", "Poznańskiej"), ("Toruńska", "Toruńskiej"),
           ("Kościuszki", "Kościuszki"), ("Mickiewicza", "Mickiewicza"), ("Sienkiewicza", "Sienkiewicza"),
           ("Reymonta", "Reymonta"), ("Piłsudskiego", "Piłsudskiego"), ("Słowackiego", "Słowackiego"),
           ("Konopnickiej", "Konopnickiej"), ("Prusa", "Prusa"), ("Żeromskiego", "Żeromskiego"), ("Chopina", "Chopina"),
           ("Kopernika", "Kopernika"), ("Narutowicza", "Narutowicza"), ("Traugutta", "Traugutta"),
           ("Kilińskiego", "Kilińskiego"), ("Wyspiańskiego", "Wyspiańskiego"), ("Broniewskiego", "Broniewskiego"),
           ("3 Maja", "3 Maja"), ("Armii Krajowej", "Armii Krajowej"), ("Wojska Polskiego", "Wojska Polskiego"),
           ("Bohaterów Westerplatte", "Bohaterów Westerplatte"), ("Orzeszkowej", "Orzeszkowej"),
           ("Wita Stwosza", "Wita Stwosza"), ("Batorego", "Batorego"), ("Staszica", "Staszica")]

# (nominative, "na/w + locative")
DISTRICTS = [("Osiedle Słoneczne", "na Osiedlu Słonecznym"), ("Zatorze", "na Zatorzu"), ("Śródmieście", "w Śródmieściu"),
             ("Stare Miasto", "na Starym Mieście"), ("Nowe Miasto", "na Nowym Mieście"), ("Podgórze", "na Podgórzu"),
             ("Wzgórze", "na Wzgórzu"), ("Osiedle Leśne", "na Osiedlu Leśnym"), ("Piaski", "na Piaskach"),
             ("Górki", "na Górkach"), ("Zalesie", "na Zalesiu"), ("Błonie", "na Błoniu"), ("Dąbrowa", "na Dąbrowie"),
             ("Bielany", "na Bielanach"), ("Grabówka", "na Grabówce"), ("Michałowo", "na Michałowie"),
             ("Osiedle Tysiąclecia", "na Osiedlu Tysiąclecia"), ("Zawady", "na Zawadach"),
             ("Księże Pole", "na Księżym Polu"), ("Karolinki", "na Karolinkach"), ("Przedmieście", "na Przedmieściu"),
             ("Osiedle Kolejowe", "na Osiedlu Kolejowym"), ("Wola", "na Woli"), ("Stary Fordon", "w Starym Fordonie"),
             ("Osiedle Piastów", "na Osiedlu Piastów"), ("Kolonia Robotnicza", "na Kolonii Robotniczej"),
             ("Nowy Dwór", "na Nowym Dworze"), ("Osiedle Młodych", "na Osiedlu Młodych")]

PARKS = [("Park Miejski", "w Parku Miejskim"), ("Park Centralny", "w Parku Centralnym"),
         ("Park Zdrojowy", "w Parku Zdrojowym"), ("Park im. Jana Pawła II", "w Parku im. Jana Pawła II"),
         ("Park Kościuszki", "w Parku Kościuszki"), ("Park nad Stawem", "w Parku nad Stawem"),
         ("Park Leśny", "w Parku Leśnym"), ("Park Tysiąclecia", "w Parku Tysiąclecia"),
         ("Park Dolinka", "w Parku Dolinka"), ("Park Solidarności", "w Parku Solidarności")]

VILLAGES = [("Zalesie", "Zalesiu"), ("Brzeziny", "Brzezinach"), ("Kamionka", "Kamionce"), ("Olszyny", "Olszynach"),
            ("Dąbrówka", "Dąbrówce"), ("Wólka", "Wólce"), ("Lipniki", "Lipnikach"), ("Borki", "Borkach")]

CITIES = ["Bydgoszcz", "Częstochowa", "Gdańsk", "Gdynia", "Katowice", "Poznań", "Wrocław", "Łódź", "Lublin",
          "Kraków", "Toruń", "Rzeszów", "Białystok", "Opole", "Kielce", "Szczecin", "Olsztyn", "Zabrze", "Sopot"]

# Templates: (title, description or None, themes). Slots: {so}/{sn} a street (oblique / nominative), {so2} a
# second street, {dn}/{dl} a district, {pn}/{pl} a park, {n} a school or branch number, {v}/{vl} a village, {k} a
# count, {y} a year. Themes: Y youth, S security, E seniors, F funding, N networking.
YOUTH = [
    ("Plac zabaw przy ul. {so}", "Budowa nowego placu zabaw dla dzieci z okolicznych bloków: huśtawki, zjeżdżalnia, piaskownica i bujaki na bezpiecznej nawierzchni.", "Y"),
    ("Modernizacja placu zabaw {dl}", "Wymiana zniszczonych urządzeń zabawowych na nowe, dostosowane do dzieci w różnym wieku.", "Y"),
    ("Nowy plac zabaw {pl}", None, "Y"),
    ("Rozbudowa placu zabaw przy ul. {so} o nowe urządzenia", "Dzieci z osiedla mają tylko jedną huśtawkę; proponujemy dostawić zestaw wspinaczkowy, karuzelę i domek.", "Y"),
    ("Bezpieczny plac zabaw – wymiana nawierzchni przy ul. {so}", "Piasek i beton pod urządzeniami zastąpi nawierzchnia poliuretanowa.", "Y"),
    ("Ogródek jordanowski przy ul. {so} – remont", None, "Y"),
    ("Integracyjny plac zabaw dla dzieci z niepełnosprawnościami {pl}", "Urządzenia dostępne dla dzieci na wózkach: karuzela integracyjna, huśtawka typu bocianie gniazdo, panele sensoryczne.", "Y"),
    ("Piaskownica i huśtawki dla najmłodszych {dl}", None, "Y"),
    ("Plac zabaw dla maluchów na skwerze przy ul. {so}", None, "Y"),
    ("Zadaszenie piaskownicy i nowe zabawki na placu zabaw {dl}", None, "Y"),
    ("Rowerowy plac zabaw dla dzieci {pl}", "Miasteczko ruchu drogowego z pumptrackiem dla najmłodszych, gdzie dzieci uczą się jazdy na rowerku.", "Y"),
    ("Remont sali gimnastycznej w Szkole Podstawowej nr {n}", "Sala ma zniszczoną podłogę i nieszczelne okna; z sali korzysta ponad 500 uczniów.", "Y"),
    ("Boisko wielofunkcyjne przy Szkole Podstawowej nr {n}", "Boisko ze sztuczną nawierzchnią do piłki nożnej, koszykówki i siatkówki dla uczniów szkoły, po lekcjach otwarte dla mieszkańców.", "Y"),
    ("Modernizacja boiska szkolnego przy SP nr {n}", None, "Y"),
    ("Modernizacja boiska szkolnego przy Zespole Szkół nr {n}", None, "Y"),
    ("Bieżnia i skocznia w dal przy SP {n}", None, "Y"),
    ("Wyposażenie pracowni komputerowej w Szkole Podstawowej nr {n}", "Zakup 20 laptopów i tablicy interaktywnej dla uczniów klas IV–VIII.", "Y"),
    ("Zielona klasa na terenie Szkoły Podstawowej nr {n}", "Zadaszona wiata z ławkami w ogrodzie szkolnym, gdzie można prowadzić lekcje przyrody na świeżym powietrzu.", "Y"),
    ("Ogród sensoryczny przy Przedszkolu nr {n}", "Ścieżka sensoryczna, rabaty z ziołami i kącik do zabaw dla przedszkolaków.", "Y"),
    ("Doposażenie Przedszkola Miejskiego nr {n} w pomoce dydaktyczne i zabawki", None, "Y"),
    ("Remont szatni i łazienek w Przedszkolu nr {n}", None, "Y"),
    ("Nowy plac zabaw przy Przedszkolu nr {n}", None, "Y"),
    ("Szkolna biblioteka na nowo – SP nr {n}", "Nowe regały, książki i strefa cichej nauki dla uczniów.", "Y"),
    ("Szafki szkolne dla uczniów SP nr {n}", None, "Y"),
    ("Pracownia robotyki w Szkole Podstawowej nr {n}", "Zestawy do nauki programowania i budowy robotów dla uczniów.", "Y"),
    ("Strefa relaksu dla uczniów na szkolnym korytarzu – SP {n}", None, "Y"),
    ("Półkolonie letnie dla dzieci {dl}", "Dwa turnusy zajęć dla dzieci w wieku 7–12 lat: wycieczki, warsztaty plastyczne, gry sportowe.", "Y"),
    ("Ferie zimowe w mieście dla dzieci z {dn}", None, "Y"),
    ("Dzień Dziecka {dl}", "Festyn z okazji Dnia Dziecka: dmuchańce, malowanie twarzy, konkursy z nagrodami dla dzieci.", "Y"),
    ("Mikołajki dla dzieci z osiedla {dn}", None, "Y"),
    ("Warsztaty robotyki i programowania dla dzieci i młodzieży", "Cykl zajęć w domu kultury dla uczniów szkół podstawowych.", "Y"),
    ("Nauka pływania dla uczniów klas I–III", "Bezpłatne zajęcia na basenie miejskim dla dzieci z dzielnicy.", "Y"),
    ("Zajęcia sportowe dla dzieci i młodzieży {dl}", "Treningi piłki nożnej, siatkówki i lekkoatletyki po lekcjach.", "Y"),
    ("Akademia piłkarska dla dzieci z {dn}", None, "Y"),
    ("Teatrzyk dla przedszkolaków w bibliotece", None, "Y"),
    ("Kino dla dzieci w czasie wakacji", None, "Y"),
    ("Młodzieżowy klub {dl} – miejsce dla nastolatków", "Klub z animatorem, gdzie młodzież może spędzić czas po szkole: gry, muzyka, warsztaty.", "Y"),
    ("Streetworking – wsparcie dla młodzieży {dl}", "Pedagodzy ulicy docierają do nastolatków spędzających czas na podwórkach i w bramach.", "Y"),
    ("Zajęcia z języka angielskiego dla dzieci", None, "Y"),
    ("Warsztaty kreatywne dla dzieci w wieku przedszkolnym", None, "Y"),
    ("Szkolne ogrody – warzywniak dla uczniów SP nr {n}", None, "Y"),
    ("Młodzieżowa rada dzielnicy {dn} – warsztaty i projekty uczniów", None, "Y"),
    ("Wakacyjne warsztaty naukowe dla dzieci", "Eksperymenty z chemii i fizyki dla uczniów w wieku 8–13 lat.", "Y"),
    ("Obozy sportowe dla dzieci z rodzin z {dn}", None, "Y"),
    ("Zakup strojów i sprzętu dla szkolnej drużyny SP nr {n}", None, "Y"),
    ("Klub malucha – zajęcia dla dzieci do lat 3 z rodzicami", None, "Y"),
    ("Korepetycje dla uczniów – bezpłatna pomoc w nauce", None, "Y"),
    ("Przebudowa placu zabaw w żłobku nr {n}", None, "Y"),
    ("Plac zabaw i strefa rekreacji dla dzieci przy ul. {so}", None, "Y"),
    ("Mobilny plac zabaw – dmuchańce na festynach dla dzieci", None, "Y"),
    ("Skwer dla dzieci przy ul. {so}: piaskownica, huśtawki i ławki dla rodziców", None, "Y"),
    ("Boisko do koszykówki przy Zespole Szkół nr {n}", None, "Y"),
    ("Sala sensoryczna w Specjalnym Ośrodku Szkolno-Wychowawczym", "Wyposażenie sali do terapii dla uczniów z niepełnosprawnościami.", "Y"),
    ("Gry i zabawy podwórkowe z animatorem dla dzieci {dl}", None, "Y"),
    ("Parada przedszkolaków ulicami {dn}", None, "Y"),
    ("Szkoła rodzenia i wsparcie młodych rodziców", None, "Y"),
    ("Ścianka wspinaczkowa w sali gimnastycznej SP nr {n}", None, "Y"),
    ("Krótsza droga do szkoły – chodnik od ul. {so} do SP nr {n}", "Dzieci chodzą teraz poboczem ruchliwej drogi.", "YS"),
]

SECURITY = [
    ("Oświetlenie ulicy {so}", "Ulica nie ma latarni; po zmroku piesi idą w ciemności.", "S"),
    ("Oświetlenie ul. {so} na odcinku od ul. {so2}", None, "S"),
    ("Doświetlenie przejścia dla pieszych na ul. {so}", "Dodatkowe lampy nad przejściem, aby kierowcy wcześniej widzieli pieszych.", "S"),
    ("Oświetlenie alejki {pl}", "Alejką codziennie wracają mieszkańcy z przystanku; jest ciemno i niebezpiecznie.", "S"),
    ("Montaż lamp solarnych wzdłuż ścieżki przy ul. {so}", None, "S"),
    ("Nowe latarnie na ul. {so}", None, "S"),
    ("Oświetlenie ścieżki pieszo-rowerowej {dl}", None, "S"),
    ("Oświetlenie terenu ogródków działkowych przy ul. {so}", None, "S"),
    ("Doświetlamy {dn} – nowe lampy na osiedlowych ciągach pieszych", None, "S"),
    ("Monitoring wizyjny {dl}", "Kamery w miejscach, gdzie dochodzi do dewastacji i kradzieży, podłączone do centrum monitoringu straży miejskiej.", "S"),
    ("Kamery monitoringu przy ul. {so}", None, "S"),
    ("Rozbudowa miejskiego monitoringu {pl}", None, "S"),
    ("Monitoring przy pętli autobusowej na ul. {so}", None, "S"),
    ("Wyniesione przejście dla pieszych na ul. {so}", "Kierowcy przekraczają tu prędkość; wyniesione przejście zmusi ich do zwolnienia.", "S"),
    ("Aktywne przejście dla pieszych na ul. {so}", "Przejście z czujnikiem ruchu i pulsującym oświetleniem.", "S"),
    ("Nowe przejście dla pieszych przez ul. {so} przy przystanku", None, "S"),
    ("Sygnalizacja świetlna na skrzyżowaniu ul. {so} i ul. {so2}", None, "S"),
    ("Azyl dla pieszych na ul. {so}", None, "S"),
    ("Progi zwalniające na ul. {so}", "Kierowcy traktują ulicę jak skrót i jeżdżą zbyt szybko.", "S"),
    ("Uspokojenie ruchu na ul. {so}", "Szykany, progi i oznakowanie strefy 30.", "S"),
    ("Radarowy wyświetlacz prędkości na ul. {so}", None, "S"),
    ("Spowalniacze ruchu na osiedlu {dn}", None, "S"),
    ("Zakup sprzętu ratowniczego dla OSP {v}", "Nowe aparaty powietrzne, piła do cięcia stali i zestaw hydrauliczny dla ochotniczej straży pożarnej.", "S"),
    ("Doposażenie Ochotniczej Straży Pożarnej w {vl}", None, "S"),
    ("Quad ratowniczy dla OSP {v}", None, "S"),
    ("Defibrylatory AED w przestrzeni publicznej {dl}", "Urządzenia w ogólnodostępnych szafkach przy przychodni, kościele i sklepie.", "S"),
    ("Kurs pierwszej pomocy dla mieszkańców {dn}", None, "S"),
    ("Kurs samoobrony dla kobiet", "Zajęcia z instruktorem: jak unikać zagrożeń i bronić się w razie ataku.", "S"),
    ("Czujniki czadu dla mieszkańców starych kamienic", "Kampania o zatruciach tlenkiem węgla i bezpłatne czujniki.", "S"),
    ("Poprawa bezpieczeństwa pieszych na ul. {so}", None, "S"),
    ("Bezpieczne przejście przez ul. {so}", None, "S"),
    ("Bezpieczny chodnik przy ul. {so}", "Oddzielenie chodnika od jezdni barierą, bo auta wjeżdżają na pieszych.", "S"),
    ("Bezpieczna droga rowerowa wzdłuż ul. {so}", None, "S"),
    ("Bezpieczne skrzyżowanie ul. {so} i ul. {so2}", None, "S"),
    ("Lustra drogowe na niebezpiecznych skrzyżowaniach {dl}", None, "S"),
    ("Oświetlenie i monitoring parkingu przy ul. {so}", None, "S"),
    ("Punkty alarmowe z przyciskiem SOS {pl}", None, "S"),
    ("Stop hejt – warsztaty przeciw przemocy w sieci", None, "S"),
    ("Karetka dla pogotowia ratunkowego", None, "S"),
    ("Sprzęt dla Grupy Ratownictwa Specjalistycznego", None, "S"),
    ("Bezpieczna dzielnica – patrole straży miejskiej {dl}", None, "S"),
    ("Oznakowanie i bariery ochronne przy szkole przy ul. {so}", "Barierki przy wyjściu ze szkoły, żeby dzieci nie wybiegały na jezdnię.", "SY"),
    ("Bezpieczna droga do szkoły – przejście przy SP nr {n}", None, "SY"),
    ("Kurs pierwszej pomocy dla uczniów szkół podstawowych", None, "SY"),
    ("Monitoring placu zabaw przy ul. {so}", None, "SY"),
    ("Oświetlenie placu zabaw i boiska {dl}", None, "SY"),
    ("Bezpieczny senior – warsztaty o oszustwach metodą na wnuczka", "Spotkania z policjantem dla osób starszych.", "SE"),
    ("Opaski bezpieczeństwa dla seniorów", "Opaski z przyciskiem alarmowym dla samotnych osób starszych.", "SE"),
]

SENIORS = [
    ("Klub Seniora {dl}", "Miejsce spotkań dla osób starszych: gimnastyka, wykłady, wyjścia do teatru.", "E"),
    ("Zajęcia ruchowe dla seniorów", "Gimnastyka i zajęcia na basenie dla osób po 60. roku życia.", "E"),
    ("Gimnastyka dla seniorów {pl}", None, "E"),
    ("Warsztaty komputerowe dla seniorów", "Nauka obsługi smartfona, poczty i bankowości internetowej dla osób starszych.", "E"),
    ("Dzień Seniora {dl}", None, "E"),
    ("Siłownia plenerowa dla seniorów przy ul. {so}", None, "E"),
    ("Potańcówki dla seniorów w domu kultury", None, "E"),
    ("Wycieczki krajoznawcze dla seniorów z {dn}", None, "E"),
    ("Trening pamięci dla seniorów", None, "E"),
    ("Senior w sieci – kurs internetu dla osób starszych", None, "E"),
    ("Taksówka dla seniora – przewozy do lekarza", "Bezpłatne przejazdy dla osób po 70. roku życia z problemami z poruszaniem się.", "E"),
    ("Zdrowy senior – bezpłatne badania profilaktyczne dla osób 65+", None, "E"),
    ("Nordic walking dla seniorów {pl}", None, "E"),
    ("Chór seniorów – warsztaty wokalne", None, "E"),
    ("Akademia aktywnego seniora", None, "E"),
    ("Joga dla seniorów", None, "E"),
    ("Kawiarenka dla seniorów w bibliotece", None, "E"),
    ("Spotkania dla samotnych osób starszych {dl}", None, "E"),
    ("Ławki z oparciem dla seniorów na trasie do przychodni", None, "E"),
    ("Wolontariusze dla seniorów – pomoc w zakupach", None, "E"),
    ("Międzypokoleniowy piknik rodzinny {dl}", "Wspólne gry dla dziadków i wnuków, warsztaty kulinarne.", "EY"),
    ("Park międzypokoleniowy: plac zabaw i siłownia dla seniorów przy ul. {so}", None, "EY"),
    ("Dziadkowie i wnuki – warsztaty międzypokoleniowe w bibliotece", None, "EY"),
    ("Międzypokoleniowe spotkania przy planszówkach", None, "E"),
    ("Uniwersytet Trzeciego Wieku – wykłady {dl}", None, "E"),
]

NONE = [
    ("Przebudowa ulicy {so}", "Nowa nawierzchnia jezdni, chodniki po obu stronach i odwodnienie.", ""),
    ("Remont nawierzchni ul. {so}", None, ""),
    ("Budowa chodnika wzdłuż ul. {so}", "Mieszkańcy chodzą poboczem; brakuje chodnika na odcinku 300 m.", ""),
    ("Remont chodnika na ul. {so}", None, ""),
    ("Remont chodników {dl}", None, ""),
    ("Utwardzenie drogi gruntowej – ul. {sn}", None, ""),
    ("Parking przy ul. {so}", "Budowa 24 miejsc postojowych z kostki ażurowej.", ""),
    ("Nowe miejsca postojowe {dl}", None, ""),
    ("Ścieżka rowerowa wzdłuż ul. {so}", None, ""),
    ("Droga rowerowa łącząca {dn} z centrum", None, ""),
    ("Stojaki rowerowe przy ul. {so}", None, ""),
    ("Wiata przystankowa przy ul. {so}", None, ""),
    ("Nasadzenia drzew na ul. {so}", "Posadzenie 40 drzew w pasie zieleni, które dadzą cień i poprawią powietrze.", ""),
    ("Zielony skwer przy ul. {so}", "Zamiana zaniedbanego trawnika na skwer z rabatami, ławkami i drzewami.", ""),
    ("Łąka kwietna {pl}", None, ""),
    ("Rewitalizacja {pn}", "Nowe alejki, ławki, kosze na śmieci i nasadzenia.", ""),
    ("Park kieszonkowy przy ul. {so}", None, ""),
    ("Ogród społeczny {dl}", "Wspólne grządki dla mieszkańców, kompostownik i narzędzia.", ""),
    ("Ławki i kosze na śmieci wzdłuż ul. {so}", None, ""),
    ("Fontanna na placu przy ul. {so}", None, ""),
    ("Tężnia solankowa {pl}", None, ""),
    ("Wybieg dla psów {dl}", "Ogrodzony teren z przeszkodami, ławkami i dystrybutorem woreczków.", ""),
    ("Budki lęgowe dla ptaków i hotele dla owadów {pl}", None, ""),
    ("Poidełka z wodą pitną {pl}", None, ""),
    ("Pumptrack {dl}", None, ""),
    ("Skatepark przy ul. {so}", None, ""),
    ("Siłownia plenerowa {pl}", "Urządzenia do ćwiczeń na świeżym powietrzu dla mieszkańców.", ""),
    ("Street workout park przy ul. {so}", None, ""),
    ("Boisko do siatkówki plażowej {pl}", None, ""),
    ("Boisko do piłki nożnej na osiedlu {dn}", None, ""),
    ("Kort tenisowy {dl}", None, ""),
    ("Ścieżka zdrowia {pl}", None, ""),
    ("Trampoliny ziemne {pl}", None, ""),
    ("Park linowy {pl}", None, ""),
    ("Kino plenerowe {dl}", "Seanse filmowe latem na trawie, wstęp wolny.", ""),
    ("Koncerty w parku – lato {y}", None, ""),
    ("Festyn rodzinny na osiedlu {dn}", "Koncert, stoiska, gry i konkursy dla całych rodzin.", ""),
    ("Rodzinny piknik {pl}", None, ""),
    ("Zakup nowości wydawniczych dla Filii nr {n} Biblioteki Miejskiej", "Nowe książki, audiobooki i czasopisma dla czytelników.", ""),
    ("Zakup książek i audiobooków do biblioteki {dl}", None, ""),
    ("Warsztaty ceramiczne dla mieszkańców {dn}", None, ""),
    ("Joga w parku", None, ""),
    ("Zajęcia fitness dla mieszkańców {dl}", None, ""),
    ("Nordic walking {pl}", None, ""),
    ("Sterylizacja i kastracja kotów wolno żyjących", None, ""),
    ("Toaleta publiczna {pl}", None, ""),
    ("Mural na ścianie budynku przy ul. {so}", None, ""),
    ("Renowacja zabytkowej kapliczki przy ul. {so}", None, ""),
    ("Tablice informacyjne o historii {dn}", None, ""),
    ("Organizacja koncertu z okazji święta {dn}", "Koncert zespołów z dzielnicy i pokaz sztucznych ogni.", ""),
    ("Organizacja jarmarku bożonarodzeniowego {dl}", None, ""),
    ("Sprzęt nagłośnieniowy dla rady osiedla {dn}", "Zestaw nagłośnienia i namiot na imprezy osiedlowe.", ""),
    ("Spotkania z historią dzielnicy {dn}", None, ""),
    ("Klub szachowy dla mieszkańców", None, ""),
    ("Klub dyskusyjny w bibliotece", None, ""),
    ("Klub filmowy w domu kultury", None, ""),
    ("Miejsce spotkań dla mieszkańców {dl}", "Świetlica osiedlowa z kuchnią i salą na zajęcia.", ""),
    ("Remont świetlicy wiejskiej w {vl}", None, ""),
    ("Zagospodarowanie terenu nad stawem {dl}", None, ""),
    ("Kąpielisko miejskie – pomosty i przebieralnie", None, ""),
    ("Rowery miejskie – nowe stacje {dl}", None, ""),
    ("Zatoka autobusowa na ul. {so}", None, ""),
    ("Kanalizacja deszczowa na ul. {so}", None, ""),
    ("Odnowienie elewacji domu kultury", None, ""),
    ("Wymiana ogrodzenia cmentarza przy ul. {so}", None, ""),
    ("Rabaty z bylinami na rondzie przy ul. {so}", None, ""),
    ("Drzewa zamiast betonu – zazielenienie placu przy ul. {so}", None, ""),
    ("Remont schodów terenowych przy ul. {so}", None, ""),
    ("Pochylnia dla osób z niepełnosprawnościami przy przychodni", None, ""),
    ("Winda przy kładce nad torami", None, ""),
    ("Czujniki jakości powietrza {dl}", None, ""),
    ("Wymiana nawierzchni boiska {dl}", None, ""),
    ("Hala sportowa {dl} – wyposażenie siłowni", None, ""),
    ("Przystań kajakowa nad rzeką", None, ""),
    ("Zajęcia taneczne dla dorosłych w domu kultury", None, ""),
    ("Rodzinne gry terenowe {pl}", None, ""),
    ("Rodzinna gra terenowa z mapą i kompasem {dl}", None, ""),
    ("Pikniki sąsiedzkie {dl}", None, ""),
    ("Wydanie przewodnika po {dn}", None, ""),
    ("Oznakowanie poziome ulic {dl}", None, ""),
    ("Barierki przy chodniku na ul. {so}", None, ""),
    ("Numery domów i tablice z nazwami ulic {dl}", None, ""),
    ("Ławki numerowane na trasie spacerowej", None, ""),
    ("Sprzątanie lasu i nowe kosze {dl}", None, ""),
    ("Mała architektura na placu przy ul. {so}", None, ""),
    ("Zakup sprzętu do zajęć w domu kultury {dl}", None, ""),
    ("Koncerty organowe w kościele przy ul. {so}", None, ""),
    ("Dzień sąsiada {dl}", None, ""),
    ("Warsztaty kulinarne dla mieszkańców", None, ""),
    ("Kursy języka polskiego dla cudzoziemców", None, ""),
    ("Szczepienia przeciw grypie dla mieszkańców", None, ""),
    ("Rehabilitacja dla osób z niepełnosprawnościami", None, ""),
    ("Ogród deszczowy przy ul. {so}", None, ""),
    ("Zieleń przy ul. {so} – krzewy i żywopłot", None, ""),
    ("Miejsce do grillowania {pl}", None, ""),
    ("Wiaty rowerowe przy dworcu", None, ""),
    ("Sportowe lato w mieście – turnieje dla mieszkańców {dl}", None, ""),
]

FUNDING = [
    ("Fundusz mikrograntów na inicjatywy mieszkańców {dl}", "Pula pieniędzy, z której grupy sąsiedzkie i organizacje dostaną małe granty na własne projekty.", "F"),
    ("Małe granty dla organizacji pozarządowych z {dn}", "Konkurs na dotacje do 5 tysięcy złotych dla lokalnych stowarzyszeń.", "F"),
    ("Lokalny fundusz grantowy dla grup nieformalnych", None, "F"),
    ("Inkubator organizacji pozarządowych – coworking i doradztwo dla NGO", "Wspólna przestrzeń do pracy dla organizacji, spotkania sieciujące i doradztwo przy pisaniu wniosków o dotacje.", "NF"),
    ("Centrum współpracy organizacji pozarządowych {dl}", "Miejsce, w którym stowarzyszenia z dzielnicy planują wspólne działania i dzielą się sprzętem.", "N"),
    ("Spotkania sieciujące organizacji pozarządowych i rady dzielnicy {dn}", None, "N"),
    ("Forum organizacji pozarządowych {dn}", "Cykliczne spotkania stowarzyszeń, fundacji i urzędników dzielnicy.", "N"),
]

COST_LINES = [
    "Szacunkowy koszt realizacji projektu: {a} zł.",
    "Koszt całkowity: {a} zł brutto.",
    "Lp. Elementy składowe Koszt szacunkowy 1. Dokumentacja projektowa {b} zł 2. Wykonanie {c} zł Razem {a} zł",
    "Lp. Nazwa elementu Koszt 1. Zakup urządzeń {c} zł 2. Montaż {b} zł Łączny koszt {a} zł",
    "Kosztorys: {a} zł.",
    "Koszty utrzymania rocznie: {b} zł.",
    "Zweryfikowany koszt realizacji projektu: {a} zł",
]
HEADINGS = ["Opis projektu:", "Uzasadnienie:", "Krótki opis:"]


def amount(lo, hi):
    v = rng.randrange(lo, hi) * 1000
    return f"{v:,}".replace(",", " ") + ",00"


def fill(text, slots):
    return text.format(**slots) if text else text


def slots():
    (sn, so), (_, so2) = rng.sample(STREETS, 2)
    dn, dl = rng.choice(DISTRICTS)
    pn, pl = rng.choice(PARKS)
    v, vl = rng.choice(VILLAGES)
    return {"sn": sn, "so": so, "so2": so2, "dn": dn, "dl": dl, "pn": pn, "pl": pl, "v": v, "vl": vl,
            "n": rng.randint(1, 64), "k": rng.randint(2, 40), "y": rng.choice(range(2018, 2026))}


CODES = {"S": "security", "E": "seniors", "Y": "youth", "F": "funding", "N": "networking"}
ORDER = ["security", "seniors", "youth", "funding", "networking"]  # the taxonomy's order


def records():
    out, seen = [], set()
    plan = [(YOUTH, 3), (SECURITY, 3), (SENIORS, 4), (NONE, 3), (FUNDING, 2)]
    for templates, per in plan:
        for title, desc, codes in templates:
            # a template without slots gives one record; one with slots gives `per` (different places)
            copies = per if "{" in title else 1
            for _ in range(copies):
                s = slots()
                t = fill(title, s)
                if t in seen:
                    continue
                seen.add(t)
                d = fill(desc, s) or ""
                r = rng.random()
                if d and r < 0.25:
                    d = f"{d} {rng.choice(COST_LINES).format(a=amount(80, 900), b=amount(5, 40), c=amount(40, 700))}"
                elif not d and r < 0.15:
                    d = rng.choice(COST_LINES).format(a=amount(80, 900), b=amount(5, 40), c=amount(40, 700))
                if d and rng.random() < 0.2:
                    d = f"{rng.choice(HEADINGS)} {d}"
                if rng.random() < 0.12:  # some cities write titles in capitals or with a district suffix
                    t = t.upper() if rng.random() < 0.3 else f"{t} – {s['dn']}"
                themes = [c for c in ORDER if any(CODES[x] == c for x in codes)]
                out.append((t, d, themes))
    rng.shuffle(out)
    return out


def main():
    for i, (t, d, themes) in enumerate(records(), 1):
        year = rng.choice(range(2018, 2026))
        rec = {"id": f"pb-authored-{i:04d}", "year": year, "meeting": f"budżet obywatelski {year} (autorskie)",
               "city": rng.choice(CITIES), "text": t, "justification": d, "themes": themes, "authored": True,
               "register": "participatory-budget-project"}
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
