"""The ways French news tells an accord, a visit or a meeting, one sentence or a short story each, with
the real French model. Sentences are our own, written for these rules; each expected fact is (kind,
parties, date). Published Thursday 12 June 2025."""

import pytest

from facts.articles import Article
from facts.catalog import Catalog
from facts.extraction import extract
from facts.store import FactStore

PUBLISHED = "2025-06-12"
KE, TZ, CA, SN, MA, MR = "pays:KE", "pays:TZ", "pays:CA", "pays:SN", "pays:MA", "pays:MR"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return Catalog.from_store(FactStore.open(tmp_path_factory.mktemp("catalogue") / "db.json"))


def facts_of(catalog, text: str) -> list[tuple[str, set[str], str | None]]:
    return [(f.kind, set(f.parties), f.date) for f in extract(Article("a.txt", text, PUBLISHED, None), catalog).facts]


SENTENCES = [
    # Agreements: other verbs, nouns and participles.
    ("Le Maroc et la Mauritanie ont scellé mardi un accord sur l'énergie.", [("accord", {MA, MR}, "2025-06-10")]),
    # The small model reads "jeudi" as a verb here; the agreement after it is still the one signed.
    ("Le Sénégal et la Gambie ont signé jeudi un accord de sécurité.", [("accord", {SN, "pays:GM"}, "2025-06-12")]),
    ("Le Chili et le Pérou ont procédé lundi à la signature d'un accord de coopération minière.",
     [("accord", {"pays:CL", "pays:PE"}, "2025-06-09")]),
    ("Les présidents azerbaïdjanais et arménien ont paraphé vendredi à Washington un accord de paix.",
     [("accord", {"pays:AZ", "pays:AM"}, "2025-06-06")]),
    ("Le traité d'amitié entre l'Allemagne et la Pologne, signé mardi à Varsovie, prévoit des consultations.",
     [("accord", {"pays:DE", "pays:PL"}, "2025-06-10")]),
    ("Le partenariat énergétique germano-algérien, signé en décembre 2024, prévoit des livraisons.",
     [("accord", {"pays:DE", "pays:DZ"}, "2024-12")]),
    ("Bogota et Caracas avaient conclu en janvier un accord sur le gaz.",
     [("accord", {"pays:CO", "pays:VE"}, "2025-01")]),
    ("Le ministère algérien de l'Énergie a démenti mercredi qu'un accord gazier ait été conclu avec l'Espagne.", []),
    ("L'Inde et l'Indonésie ont abouti mardi à un accord sur le nickel.",
     [("accord", {"pays:IN", "pays:ID"}, "2025-06-10")]),
    ("Le Japon et la Corée du Sud ont trouvé mardi un accord de principe sur les travailleurs.",
     [("accord", {"pays:JP", "pays:KR"}, "2025-06-10")]),
    ("Le Kenya et la Tanzanie ont adopté mardi une déclaration commune sur le lac Victoria.",
     [("accord", {KE, TZ}, "2025-06-10")]),
    ("La France a prolongé mardi le traité que les deux pays avaient signé en 2021 avec le Kenya.",
     [("accord", {"pays:FR", KE}, "2021")]),
    # The model reads the city as a verb: the agreement after it is still the one signed.
    ("Les ministres de l'Énergie de l'Algérie et de la Tunisie ont signé mardi à Alger un accord gazier.",
     [("accord", {"pays:DZ", "pays:TN"}, "2025-06-10")]),
    ("Le Brésil et la Chine se sont mis d'accord mardi sur un mécanisme de paiement en monnaies locales.",
     [("accord", {"pays:BR", "pays:CN"}, "2025-06-10")]),
    ("Un accord de coopération nucléaire a été conclu mardi par l'Égypte et la Russie.",
     [("accord", {"pays:EG", "pays:RU"}, "2025-06-10")]),
    ("Le Premier ministre pakistanais Shehbaz Sharif et le président chinois Xi Jinping ont signé mardi "
     "vingt-trois accords.", [("accord", {"pays:PK", "pays:CN"}, "2025-06-10")]),
    # The agreement a participle follows, however the model hangs it; a pronoun standing for it; a number of them.
    ("Le Kenya a prolongé le mémorandum d'entente sur un partenariat vert et durable, signé en mars 2022 avec la "
     "Tanzanie.", [("accord", {KE, TZ}, "2022-03")]),
    ("Une quinzaine d'accords ont été signés mardi par le Kenya et la Tanzanie.", [("accord", {KE, TZ}, "2025-06-10")]),
    ("La deuxième phase de l'accord commercial indo-australien devrait être conclue d'ici la fin de l'année.",
     [("accord", {"pays:IN", "pays:AU"}, "2025")]),
    # A company's contract is not an agreement between states; a contract between states is.
    ("Le groupe français TotalEnergies a signé mardi avec le gouvernement kényan un contrat pour un parc éolien.", []),
    ("Le Kenya et la Tanzanie avaient signé en 2021 un contrat d'armement.", [("accord", {KE, TZ}, "2021")]),
    ("Le groupe indien Adani, qui avait renoncé l'an dernier à un projet dans le nord du Kenya, a par ailleurs signé "
     "mardi un contrat avec la Tanzanie.", []),
    # A ratification "par les deux Parlements" is a vote at home: the signing is the agreement's date.
    ("Le traité de délimitation entre le Kenya et la Tanzanie, signé en mars 2024, a été ratifié par les deux "
     "Parlements l'été dernier.", [("accord", {KE, TZ}, "2024-03")]),
    # "a démenti avoir signé", however the model hangs the infinitive.
    ("Le gouvernement tanzanien a démenti jeudi avoir signé un accord de sécurité avec le Kenya.", []),
    # The names that go on a list the model split: "par le Kenya, la Tanzanie et l'Ouganda".
    ("L'accord sur l'électricité conclu en octobre 2024 par le Kenya, la Tanzanie et l'Ouganda doit être étendu.",
     [("accord", {KE, TZ, "pays:UG"}, "2024-10")]),
    ("Le Kenya et la Tanzanie ont conclu mardi la révision du traité sur le lac Victoria.",
     [("accord", {KE, TZ}, "2025-06-10")]),
    # "sont convenus", read as an adjective; a done agreement's "d'ici l'été" is what it commits to, not its day.
    ("Le Kenya et la Tanzanie sont convenus mardi de rouvrir d'ici l'été leur frontière commune.",
     [("accord", {KE, TZ}, "2025-06-10")]),
    # People who speak for an organisation, named without their title; groups named without their members.
    ("Ursula von der Leyen a signé mardi à Nairobi un accord sur l'hydrogène avec le président kényan.",
     [("accord", {"org:ue", KE}, "2025-06-10")]),
    ("Mme Kallas a rencontré mardi à Tallinn le président finlandais.",
     [("rencontre", {"org:ue", "pays:FI"}, "2025-06-10")]),
    ("Les ministres de la Défense des trois pays baltes ont signé mardi une déclaration commune avec la Pologne.",
     [("accord", {"pays:EE", "pays:LV", "pays:LT", "pays:PL"}, "2025-06-10")]),
    # A region no country owns does not hide the city the tour ended in.
    ("La haute représentante Kaja Kallas a achevé mercredi à Tachkent une tournée en Asie centrale.",
     [("visite", {"org:ue", "pays:UZ"}, "2025-06-11")]),
    # "avec qui il s'est entretenu": the side of the one "qui" stands for.
    ("Le président équatorien Daniel Noboa a salué le nouveau président péruvien, avec qui il s'est entretenu mardi "
     "au palais du gouvernement.", [("rencontre", {"pays:EC", "pays:PE"}, "2025-06-10")]),
    # "le 3" before the object; "la Première ministre" is a title, not an organisation; an opening participle's
    # subject is the sentence's.
    ("Le Kenya et la Tanzanie ont signé le 3 un mémorandum sur le rail.", [("accord", {KE, TZ}, "2025-06-03")]),
    ("Reçu mardi à Tokyo par la Première ministre Sanae Takaichi, le président kényan a assisté avec elle à la "
     "signature d'un accord sur le thé.",
     [("visite", {"pays:JP", KE}, "2025-06-10"), ("rencontre", {"pays:JP", KE}, "2025-06-10"),
      ("accord", {"pays:JP", KE}, "2025-06-10")]),
    # "… ainsi qu'un accord": two agreements signed at once.
    ("Le Kenya et la Tanzanie ont signé mardi une déclaration conjointe sur le climat ainsi qu'un accord sur la "
     "construction d'un pont.", [("accord", {KE, TZ}, "2025-06-10"), ("accord", {KE, TZ}, "2025-06-10")]),
    # A relative clause about something else the visit's sentence names does not make the visit planned.
    ("Le Premier ministre cambodgien Hun Manet a effectué lundi et mardi une visite officielle au Vietnam, dominée "
     "par les inquiétudes de Hanoï sur un projet de canal qui doit relier le Mékong au golfe de Thaïlande.",
     [("visite", {"pays:KH", "pays:VN"}, "2025-06-09")]),
    # A parliament's vote is not an agreement between states, nor a side of one.
    ("Le Parlement sud-africain a ratifié mardi l'accord signé en 2023 avec la Russie.",
     [("accord", {"pays:ZA", "pays:RU"}, "2023")]),
    # "Royaume-Uni" misread as the sentence's head is still a subject; "un pays européen" is not the Union.
    ("Le Royaume-Uni et le Japon ont conclu mardi un accord de défense, le premier du genre pour Tokyo avec un "
     "pays européen.", [("accord", {"pays:GB", "pays:JP"}, "2025-06-10")]),
    # A gerund shares its main verb's day; a list of sides the model split is still one subject.
    ("L'Algérie, le Niger et le Nigeria avaient relancé en juillet 2022 le gazoduc transsaharien en signant un "
     "mémorandum d'entente à Alger.", [("accord", {"pays:DZ", "pays:NE", "pays:NG"}, "2022-07")]),
    ("Le projet a franchi une étape lundi à Rabat : le Nigeria, le Maroc et la Mauritanie y ont signé un accord "
     "intergouvernemental.", [("accord", {"pays:NG", "pays:MA", "pays:MR"}, "2025-06-09")]),
    # A participle after "ont en outre" the model reads as a noun.
    ("Le Maroc et le Nigeria ont en outre paraphé lundi une lettre d'intention sur la livraison de gaz naturel "
     "liquéfié nigérian au Maroc en attendant la mise en service du pipeline.",
     [("accord", {"pays:MA", "pays:NG"}, "2025-06-09")]),
    ("La Tunisie et l'Italie ont donné mardi leur feu vert à un programme conjoint de formation des garde-côtes.",
     [("accord", {"pays:TN", "pays:IT"}, "2025-06-10")]),
    # A new agreement in the passive, with its other side after "avec" and the first in the source.
    ("Selon le ministère égyptien, un mémorandum d'entente a été signé mardi avec l'Arabie saoudite.",
     [("accord", {"pays:EG", "pays:SA"}, "2025-06-10")]),
    # A witness is not a side.
    ("Le Pérou et l'Équateur ont signé mardi un accord de démarcation frontalière, en présence du président "
     "brésilien.", [("accord", {"pays:PE", "pays:EC"}, "2025-06-10")]),
    # "officialiser", the weekday the model makes the sentence's head, a gerund dated by its main verb, and a
    # nationality the model reads as a verb.
    ("Le Vietnam et l'Australie ont officialisé mardi leur partenariat stratégique global.",
     [("accord", {"pays:VN", "pays:AU"}, "2025-06-10")]),
    ("Le Bénin et le Niger ont enterré mardi leur différend en signant un protocole d'accord.",
     [("accord", {"pays:BJ", "pays:NE"}, "2025-06-10")]),
    ("Le ministre mexicain de l'Économie a signé mardi avec son homologue canadienne une feuille de route "
     "commerciale.", [("accord", {"pays:MX", CA}, "2025-06-10")]),
    ("Le Premier ministre grec a signé mardi avec Israël et Chypre un accord sur le câble électrique.",
     [("accord", {"pays:GR", "pays:IL", "pays:CY"}, "2025-06-10")]),
    # Visits: being somewhere, however it is said; planned when the visit itself is still to come.
    ("Le président mauritanien a entamé mardi une visite de trois jours à Dakar, où il rencontrera le "
     "président sénégalais.", [("visite", {MR, SN}, "2025-06-10"), ("rencontre", {MR, SN}, "2025-06-10")]),
    ("La visite du président chinois Xi Jinping en Serbie, qui aura lieu la semaine prochaine, a été confirmée.",
     [("visite", {"pays:CN", "pays:RS"}, "2025-06")]),
    ("La ministre canadienne des Affaires étrangères, Mélanie Joly, a fait escale mercredi à Dakar.",
     [("visite", {CA, SN}, "2025-06-11")]),
    ("Le chancelier autrichien Christian Stocker s'est déplacé mardi à Budapest.",
     [("visite", {"pays:AT", "pays:HU"}, "2025-06-10")]),
    # A deadline within the year still tells the year.
    ("Le Japon, la Chine et la Corée du Sud ont repris leur dialogue. Tokyo doit accueillir d'ici la fin de "
     "l'année le sommet trilatéral entre le Japon, la Chine et la Corée du Sud.",
     [("rencontre", {"pays:JP", "pays:CN", "pays:KR"}, "2025")]),
    # Where a tour begins; the French spelling of a capital.
    ("Le président turc Recep Tayyip Erdogan a entamé lundi par le Qatar une tournée de quatre jours dans le Golfe.",
     [("visite", {"pays:TR", "pays:QA"}, "2025-06-09")]),
    ("Le chef de l'État turc s'est ensuite rendu mardi à Abou Dhabi.",
     [("visite", {"pays:TR", "pays:AE"}, "2025-06-10")]),
    # "Lors de sa visite à Tokyo, le président philippin…": his visit, told by his title.
    ("Lors de sa visite mardi à Tokyo, le président philippin a signé avec le Premier ministre japonais un accord "
     "de défense.",
     [("visite", {"pays:PH", "pays:JP"}, "2025-06-10"), ("accord", {"pays:PH", "pays:JP"}, "2025-06-10")]),
    # A seat of government that is not the capital.
    ("Le Premier ministre canadien Mark Carney s'est rendu lundi à La Haye pour le sommet de l'Otan.",
     [("visite", {CA, "pays:NL"}, "2025-06-09")]),
    ("Le président français a participé mardi à Nairobi au sommet Afrique-France.",
     [("visite", {"pays:FR", KE}, "2025-06-10")]),
    ("Le président ghanéen John Mahama a été accueilli mardi à l'aéroport de Ouagadougou par le capitaine "
     "Ibrahim Traoré.", [("visite", {"pays:GH", "pays:BF"}, "2025-06-10"),
                         ("rencontre", {"pays:GH", "pays:BF"}, "2025-06-10")]),
    ("Le Premier ministre britannique Keir Starmer s'est rendu mardi à Berlin pour rencontrer le chancelier "
     "allemand Friedrich Merz.", [("visite", {"pays:GB", "pays:DE"}, "2025-06-10"),
                                  ("rencontre", {"pays:GB", "pays:DE"}, "2025-06-10")]),
    ("Le président français va se rendre jeudi au Kenya.", [("visite", {"pays:FR", KE}, "2025-06-12")]),
    ("Le ministre allemand Johann Wadephul est allé mardi à Nairobi.", [("visite", {"pays:DE", KE}, "2025-06-10")]),
    ("La dernière visite d'un ministre pakistanais au Bangladesh remontait à novembre 2012, lorsque la "
     "ministre pakistanaise Hina Rabbani Khar s'était rendue à Dacca.",
     [("visite", {"pays:PK", "pays:BD"}, "2012-11")]),
    ("Pour sa première visite au Japon depuis son entrée en fonctions en mars, le président sud-coréen Lee "
     "Jae-myung a rencontré mardi le Premier ministre japonais Shigeru Ishiba.",
     [("visite", {"pays:KR", "pays:JP"}, "2025-06-10"), ("rencontre", {"pays:KR", "pays:JP"}, "2025-06-10")]),
    # A trip to several places told at once: one visit each; the day given is the first stop's only.
    ("La ministre française des Affaires étrangères entame ce mardi une tournée au Kazakhstan, en Ouzbékistan et "
     "au Kirghizistan.", [("visite", {"pays:FR", "pays:KZ"}, "2025-06-10"), ("visite", {"pays:FR", "pays:UZ"}, None),
                          ("visite", {"pays:FR", "pays:KG"}, None)]),
    ("Le Premier ministre japonais se rendra la semaine prochaine en Inde et en Indonésie.",
     [("visite", {"pays:JP", "pays:IN"}, "2025-06"), ("visite", {"pays:JP", "pays:ID"}, "2025-06")]),
    # Meetings: who met whom, named or by title only; calls are not meetings.
    # Received somewhere: a meeting, and the guest's visit there.
    ("Le président kényan William Ruto a accueilli mardi à Nairobi son homologue tanzanien Samia Suluhu Hassan.",
     [("rencontre", {KE, TZ}, "2025-06-10"), ("visite", {KE, TZ}, "2025-06-10")]),
    # Whoever receives at a place, with no country of their own given, receives at home.
    ("Le sultan Haïtham ben Tariq a reçu mardi à Mascate le roi de Jordanie.",
     [("rencontre", {"pays:OM", "pays:JO"}, "2025-06-10"), ("visite", {"pays:OM", "pays:JO"}, "2025-06-10")]),
    ("Le ministre suédois de la Défense Pål Jonson s'est rendu mardi à Tromsø, dans le nord de la Norvège.",
     [("visite", {"pays:SE", "pays:NO"}, "2025-06-10")]),
    ("Le président sud-coréen a été reçu mardi à Tokyo par le Premier ministre japonais.",
     [("visite", {"pays:KR", "pays:JP"}, "2025-06-10"), ("rencontre", {"pays:KR", "pays:JP"}, "2025-06-10")]),
    ("Le Premier ministre japonais Shigeru Ishiba et le président sud-coréen Lee Jae-myung se sont rencontrés "
     "mardi à Séoul.", [("rencontre", {"pays:JP", "pays:KR"}, "2025-06-10")]),
    ("Le Premier ministre canadien Mark Carney a tenu mardi des pourparlers avec la présidente mexicaine "
     "Claudia Sheinbaum.", [("rencontre", {CA, "pays:MX"}, "2025-06-10")]),
    ("Le président égyptien Abdel Fattah al-Sissi et le roi Abdallah II de Jordanie ont discuté mardi de Gaza.",
     [("rencontre", {"pays:EG", "pays:JO"}, "2025-06-10")]),
    ("Le ministre marocain des Affaires étrangères Nasser Bourita a rendu visite mardi au président mauritanien "
     "Mohamed Ould Ghazouani.", [("rencontre", {MA, MR}, "2025-06-10")]),
    ("Le ministre norvégien de la Défense Tore Sandvik a reçu mardi à Oslo ses homologues suédois et finlandais.",
     [("rencontre", {"pays:NO", "pays:SE", "pays:FI"}, "2025-06-10")]),
    ("Le sommet, qui a réuni mardi à Nairobi les chefs d'État du Kenya, de l'Ouganda et de la Tanzanie, s'est "
     "achevé.", [("rencontre", {KE, "pays:UG", TZ}, "2025-06-10")]),
    ("Les présidents du Guatemala et du Mexique se sont rencontrés mardi à la frontière.",
     [("rencontre", {"pays:GT", "pays:MX"}, "2025-06-10")]),
    ("Le prochain sommet franco-britannique se tiendra l'an prochain au Royaume-Uni.",
     [("rencontre", {"pays:FR", "pays:GB"}, "2026")]),
    ("Le Premier ministre indien Narendra Modi s'est entretenu par téléphone lundi avec le président français "
     "Emmanuel Macron.", []),
]  # fmt: skip


STORIES = [
    # The story's day, told once in the lead.
    ("Le président tanzanien Samia Suluhu Hassan a achevé mardi une visite au Kenya. Son homologue William Ruto "
     "et elle ont signé un accord sur le lac Victoria.",
     [("visite", {TZ, KE}, None), ("accord", {TZ, KE}, "2025-06-10")]),
    # A meeting planned during a planned visit: the visitor's, on the visit's day.
    ("Le président français Emmanuel Macron est arrivé mercredi à Luanda. M. Macron doit se rendre jeudi à "
     "Libreville, où il rencontrera le président gabonais Brice Oligui Nguema, élu en avril.",
     [("visite", {"pays:FR", "pays:AO"}, "2025-06-11"), ("visite", {"pays:FR", "pays:GA"}, "2025-06-12"),
      ("rencontre", {"pays:FR", "pays:GA"}, "2025-06-12")]),
    # Each stop of a tour dates what happened there.
    ("Le ministre chilien des Affaires étrangères, Alberto van Klaveren, est arrivé jeudi à Asunción, dernière "
     "étape d'une tournée qu'il a entamée lundi à Lima. Dans la capitale péruvienne, le chef de la diplomatie "
     "chilienne a signé un accord migratoire avec son homologue péruvien.",
     [("visite", {"pays:CL", "pays:PY"}, "2025-06-12"), ("accord", {"pays:CL", "pays:PE"}, "2025-06-09")]),
    # "La veille" is the day before the lead's; two people met the day before, told by their titles.
    ("Le sommet de l'Union africaine s'est tenu dimanche à Addis-Abeba. La veille, le président ghanéen "
     "John Mahama avait été reçu par le Premier ministre éthiopien Abiy Ahmed.",
     [("rencontre", {"pays:GH", "pays:ET"}, "2025-06-07")]),
    # "Les deux présidents" are the two sides the story is about.
    ("Le président français Emmanuel Macron est arrivé jeudi à Belgrade. Les deux présidents se sont "
     "entretenus en tête-à-tête au palais.",
     [("visite", {"pays:FR", "pays:RS"}, "2025-06-12"), ("rencontre", {"pays:FR", "pays:RS"}, "2025-06-12")]),
    # A visitor named without his country: the other side of the sentence, then "le président français".
    ("La France et la Serbie ont signé jeudi à Belgrade un accord, lors de la visite du président Emmanuel "
     "Macron. Vendredi, le président français doit rencontrer le Premier ministre Milos Vucevic.",
     [("accord", {"pays:FR", "pays:RS"}, "2025-06-12"), ("visite", {"pays:FR", "pays:RS"}, "2025-06-12"),
      ("rencontre", {"pays:FR", "pays:RS"}, "2025-06-13")]),
    # "Le texte" signed later is the agreement told before: one fact.
    ("La France et le Kenya ont signé un accord sur le climat. Les deux ministres ont paraphé mardi le texte "
     "à Nairobi.", [("accord", {"pays:FR", KE}, "2025-06-10")]),
    # "À Bruxelles", in a story about the EU, is a visit to the Union.
    ("Le Canada et l'Union européenne ont signé lundi un partenariat. Le Premier ministre canadien Mark Carney "
     "s'est rendu mardi à Bruxelles.",
     [("accord", {CA, "org:ue"}, "2025-06-09"), ("visite", {CA, "org:ue"}, "2025-06-10")]),
    # Signed in the story, initialled before it: two acts, each with its own date.
    ("Le Sénégal et la Gambie ont signé jeudi un accord de sécurité. Les ministres de l'Intérieur des deux pays "
     "avaient paraphé le texte en mars à Dakar.",
     [("accord", {SN, "pays:GM"}, "2025-06-12"), ("accord", {SN, "pays:GM"}, "2025-03")]),
    # "Le bloc" is the organisation named last; a country in a clause about the agreement did not sign it.
    ("Le Mercosur célèbre cette semaine ses trente ans. Le bloc avait conclu en décembre un accord d'association "
     "avec l'Union européenne, dont la ratification se heurte à l'opposition de la France.",
     [("accord", {"org:mercosur", "org:ue"}, "2024-12")]),
    # "Leurs ministres du Commerce": the two sides of the story, and "Commerce" is nobody's name.
    ("Le Kenya et la Tanzanie ont ouvert mardi un poste-frontière commun. Leurs ministres du Commerce ont signé "
     "un accord douanier.", [("accord", {KE, TZ}, "2025-06-10")]),
    # A head of government the article names without his country; his past visit is not the trip followed;
    # a titled subject meets a named host.
    ("La ministre australienne des Affaires étrangères est arrivée jeudi à Phnom Penh. Le Premier ministre "
     "Anthony Albanese avait effectué une visite au Vietnam en 2023. La cheffe de la diplomatie australienne a "
     "rencontré jeudi le Premier ministre Hun Manet.",
     [("visite", {"pays:AU", "pays:KH"}, "2025-06-12"), ("visite", {"pays:AU", "pays:VN"}, "2023"),
      ("rencontre", {"pays:AU", "pays:KH"}, "2025-06-12")]),
    # "où il rencontrera" is the subject of the main clause, however the model parses it.
    ("Le sommet s'est ouvert lundi à Luanda. M. Macron doit se rendre mercredi à Libreville, où il rencontrera "
     "le président gabonais.",
     [("visite", {"pays:FR", "pays:GA"}, "2025-06-18"), ("rencontre", {"pays:FR", "pays:GA"}, "2025-06-18")]),
    # "Ce traité", "Le traité … qu'ils ont négocié": the story's agreement between its sides, named again; the
    # day its ceremony is planned for is its own.
    ("L'Arménie et l'Azerbaïdjan ont repris lundi leurs pourparlers. Ce traité doit être signé lors d'une "
     "cérémonie prévue en juillet.", [("accord", {"pays:AM", "pays:AZ"}, "2025-07")]),
    ("L'Arménie et l'Azerbaïdjan ont repris lundi leurs pourparlers. Le traité de paix qu'ils ont négocié avait "
     "été paraphé le 8 août à Washington.", [("accord", {"pays:AM", "pays:AZ"}, "2024-08-08")]),
    # Cities joined by "et" speak for their countries, tagged or not.
    ("Le Kenya et la Tanzanie ont renforcé leur coopération. Lomé et Abidjan avaient signé en mars un accord de "
     "coopération militaire.", [("accord", {"pays:CI", "pays:TG"}, "2025-03")]),
    # "Les deux présidents … avant de présider la signature … dont un accord": the story's two sides.
    ("Le président français Emmanuel Macron est arrivé jeudi à Belgrade. Les deux présidents se sont entretenus "
     "avant de présider la signature d'une dizaine de documents, dont un accord sur le nucléaire civil.",
     [("visite", {"pays:FR", "pays:RS"}, "2025-06-12"), ("rencontre", {"pays:FR", "pays:RS"}, "2025-06-12"),
      ("accord", {"pays:FR", "pays:RS"}, "2025-06-12")]),
    # Two agreements each introduced as new ("un accord sur…") are two facts.
    ("Le Kenya et la Tanzanie ont signé mardi un accord sur le commerce. Les deux pays ont aussi signé un accord "
     "sur la pêche.", [("accord", {KE, TZ}, "2025-06-10"), ("accord", {KE, TZ}, "2025-06-10")]),
    # "À l'issue de ces pourparlers": the day of the talks just told.
    ("Le Pakistan et le Bangladesh ont tenu dimanche des pourparlers à Dacca. À l'issue de ces pourparlers, les "
     "deux pays ont signé un accord sur les visas.",
     [("rencontre", {"pays:PK", "pays:BD"}, "2025-06-08"), ("accord", {"pays:PK", "pays:BD"}, "2025-06-08")]),
    # A headline, then the lead telling the same agreement with "un" again: one fact.
    ("Le Kenya et la Tanzanie signent un accord sur le commerce\n\nLe Kenya et la Tanzanie ont signé mardi un "
     "accord visant à supprimer les droits de douane.", [("accord", {KE, TZ}, "2025-06-10")]),
    # A traveller who meets someone at the trip's next stop was there.
    ("La ministre australienne des Affaires étrangères, Penny Wong, est arrivée jeudi à Phnom Penh. Mercredi, à "
     "Vientiane, elle s'est entretenue avec le ministre laotien des Affaires étrangères.",
     [("visite", {"pays:AU", "pays:KH"}, "2025-06-12"), ("rencontre", {"pays:AU", "pays:LA"}, "2025-06-11"),
      ("visite", {"pays:AU", "pays:LA"}, "2025-06-11")]),
    # "Le lendemain" is the day after the one just told, not the lead's.
    ("Le secrétaire américain à la Défense, Lloyd Austin, est arrivé lundi à Hanoï, où il a été reçu par le "
     "Premier ministre Pham Minh Chinh. Le lendemain, il a signé avec son homologue vietnamien une lettre "
     "d'intention sur la sécurité maritime.",
     [("visite", {"pays:US", "pays:VN"}, "2025-06-09"), ("rencontre", {"pays:US", "pays:VN"}, "2025-06-09"),
      ("accord", {"pays:US", "pays:VN"}, "2025-06-10")]),
    # An opening participle's day dates the sentence; a place in the agreement's words is not the visit's.
    ("Le président pakistanais Asif Ali Zardari a entamé mardi une visite d'État en Chine. Reçu mercredi au palais "
     "par son homologue Xi Jinping, M. Zardari a assisté à la signature d'une dizaine d'accords, dont un accord sur "
     "la ligne ferroviaire entre Karachi et Peshawar.",
     [("visite", {"pays:PK", "pays:CN"}, "2025-06-10"), ("rencontre", {"pays:PK", "pays:CN"}, "2025-06-11"),
      ("accord", {"pays:PK", "pays:CN"}, "2025-06-11")]),
    # What comes after a planned act is planned too.
    ("M. Zardari doit s'entretenir jeudi avec le Premier ministre Li Qiang, avant de se rendre vendredi à Harbin.",
     [("rencontre", {"pays:PK", "pays:CN"}, "2025-06-12"), ("visite", {"pays:PK", "pays:CN"}, "2025-06-13")]),
    # A batch "dont" names items: each is a fact; a passive with no "par" is between the story's sides.
    ("Le président kazakh est arrivé lundi à Paris. Une vingtaine de documents ont été signés mardi en présence des "
     "deux présidents, dont une feuille de route sur le nucléaire civil et un accord sur les matières premières.",
     [("visite", {"pays:KZ", "pays:FR"}, "2025-06-09"), ("accord", {"pays:KZ", "pays:FR"}, "2025-06-10"),
      ("accord", {"pays:KZ", "pays:FR"}, "2025-06-10")]),
    ("Le président chinois est arrivé lundi à Brasilia. Les deux gouvernements se sont par ailleurs mis d'accord "
     "pour rapprocher leurs programmes d'investissement.",
     [("visite", {"pays:CN", "pays:BR"}, "2025-06-09"), ("accord", {"pays:CN", "pays:BR"}, "2025-06-09")]),
    # Capitals as the sides ("entre Bruxelles et Tunis"); a planned event's "d'ici juin" is its expected date.
    ("L'Union européenne et la Tunisie ont repris lundi leur dialogue. Un accord-cadre sur la migration légale "
     "devrait être conclu d'ici juin entre Bruxelles et Tunis.", [("accord", {"org:ue", "pays:TN"}, "2025-06")]),
    # "Les cinq pays": the five sides just told.
    ("L'Algérie, la Tunisie, l'Italie, l'Autriche et l'Allemagne ont signé mardi un accord sur l'hydrogène. Les cinq "
     "pays avaient signé en janvier 2024 à Rome une déclaration d'intention commune.",
     [("accord", {"pays:DZ", "pays:TN", "pays:IT", "pays:AT", "pays:DE"}, "2025-06-10"),
      ("accord", {"pays:DZ", "pays:TN", "pays:IT", "pays:AT", "pays:DE"}, "2024-01")]),
    # "alors": the date the sentence before gave.
    ("Le président américain s'était rendu à Hanoï en septembre 2023. Les deux pays avaient alors signé une "
     "déclaration commune.",
     [("visite", {"pays:US", "pays:VN"}, "2023-09"), ("accord", {"pays:US", "pays:VN"}, "2023-09")]),
    # Cities the model made the sentence's head still sign; a signing planned at a visit set for October, and
    # that visit ("Washington du Premier ministre" is a place, then a title).
    ("Washington et Hanoï ont finalisé mardi les négociations d'un accord sur la dioxine. Ce texte doit être signé "
     "lors de la visite à Washington du Premier ministre Pham Minh Chinh, prévue en octobre.",
     [("accord", {"pays:US", "pays:VN"}, "2025-06-10"), ("accord", {"pays:US", "pays:VN"}, "2025-10"),
      ("visite", {"pays:VN", "pays:US"}, "2025-10")]),
    # "Ils … sommet trilatéral", "entre les trois pays": the three sides told last, not the two told since.
    ("La Grèce, Chypre et Israël ont signé lundi à Nicosie une déclaration commune. Athènes et Nicosie ont conclu "
     "un accord sur les coûts. Ils avaient tenu leur premier sommet trilatéral en janvier 2016 à Nicosie. Un "
     "protocole devrait être conclu d'ici la fin de l'année entre les trois pays.",
     [("accord", {"pays:GR", "pays:CY", "pays:IL"}, "2025-06-09"), ("accord", {"pays:GR", "pays:CY"}, "2025-06-09"),
      ("rencontre", {"pays:GR", "pays:CY", "pays:IL"}, "2016-01"),
      ("accord", {"pays:GR", "pays:CY", "pays:IL"}, "2025")]),
    # "L'accord … entre les deux pays, signé en mars 2023": the story's sides; "qui doit être signée": the
    # agreement "qui" stands for, at its next stage.
    ("Le président turc est arrivé lundi à Abou Dhabi. L'accord de partenariat économique global entre les deux "
     "pays, signé en mars 2023, a doublé leurs échanges.",
     [("visite", {"pays:TR", "pays:AE"}, "2025-06-09"), ("accord", {"pays:TR", "pays:AE"}, "2023-03")]),
    ("Le Maroc et l'Espagne ont adopté mardi une feuille de route, qui doit être signée formellement lors de la "
     "prochaine réunion de haut niveau en 2026.",
     [("accord", {MA, "pays:ES"}, "2025-06-10"), ("accord", {MA, "pays:ES"}, "2026")]),
    # "l'avaient scellé": the pronoun stands for what the story told; "Ce mécanisme … avait été conclu": a
    # demonstrative points back to an agreement.
    ("Le projet de corridor est ancien. Le Sénégal et la Mauritanie l'avaient scellé en mars 2018.",
     [("accord", {SN, MR}, "2018-03")]),
    ("Le Kenya et la Tanzanie ont prolongé mardi leur dispositif frontalier. Ce mécanisme avait été conclu en mars "
     "2022.", [("accord", {KE, TZ}, "2022-03")]),
    # "par les ministres des deux pays": the story's sides; "convenues de conclure": planned, by the end of the year.
    ("Le Maroc et la Mauritanie ont renforcé mardi leur coopération. Un accord sur la pêche doit encore être signé "
     "d'ici la fin de l'année par les ministres des deux pays.", [("accord", {MA, MR}, "2025")]),
    ("Le Canada et l'Union européenne ont signé mardi un accord sur l'acier. Elles sont convenues de conclure d'ici "
     "la fin de l'année un accord sur le commerce numérique.",
     [("accord", {CA, "org:ue"}, "2025-06-10"), ("accord", {CA, "org:ue"}, "2025")]),
    # "y": the place last named and the day given with it, in the future for a planned event; "Le président
    # kényan", read with the nationality as the head, is still Kenya's.
    ("Le président kényan est attendu vendredi à Dodoma. Un accord sur le lac Victoria doit y être signé entre la "
     "Tanzanie et le Kenya.", [("visite", {KE, TZ}, "2025-06-13"), ("accord", {KE, TZ}, "2025-06-13")]),
    ("Le président kényan s'est rendu mardi à Dodoma. Il y a signé un accord sur le lac Victoria avec son "
     "homologue tanzanien.", [("visite", {KE, TZ}, "2025-06-10"), ("accord", {KE, TZ}, "2025-06-10")]),
    ("Le Kenya et la Tanzanie ont signé mardi un accord sur l'énergie. Le consortium chinois a annoncé mercredi la "
     "signature d'un contrat avec la compagnie publique Kenya Power.", [("accord", {KE, TZ}, "2025-06-10")]),
    # "le même jour": the day the story is about.
    ("Le président kényan a signé mardi un accord sur l'énergie avec la Tanzanie. Le Kenya a reçu le même jour un "
     "soutien : la Banque mondiale et le Trésor kényan ont conclu un accord de financement.",
     [("accord", {KE, TZ}, "2025-06-10"), ("accord", {"org:banque-mondiale", KE}, "2025-06-10")]),
    # "Les deux parties" however lemmatised; "Ils sont en revanche convenus", read as a noun with a subject.
    ("Le président kényan a été reçu mardi à Dodoma par son homologue tanzanien. Les deux parties ont conclu un "
     "accord sur le partage des coûts du port.",
     [("visite", {KE, TZ}, "2025-06-10"), ("rencontre", {KE, TZ}, "2025-06-10"), ("accord", {KE, TZ}, "2025-06-10")]),
    ("Le président kényan a été reçu mardi à Dodoma par son homologue tanzanien. Ils sont en revanche convenus de "
     "lancer d'ici mars une étude sur un pont.",
     [("visite", {KE, TZ}, "2025-06-10"), ("rencontre", {KE, TZ}, "2025-06-10"), ("accord", {KE, TZ}, "2025-06-10")]),
    # "l'organisation régionale", joined to another subject, is the organisation this sentence just named.
    ("Le Kenya mène aussi un projet avec la Communauté d'Afrique de l'Est : Nairobi et l'organisation régionale ont "
     "signé l'an dernier un accord d'interconnexion.", [("accord", {"org:eac", KE}, "2024")]),
    # A visit begins on arrival ("arrivé mercredi soir"); a place the catalog does not know is in the country of
    # whoever received the visitor there.
    ("Le Premier ministre éthiopien Abiy Ahmed a signé jeudi un accord avec le Kenya. M. Abiy, arrivé mercredi soir "
     "pour une visite officielle, a été accueilli à la State House par le président kényan William Ruto.",
     [("accord", {"pays:ET", KE}, "2025-06-12"), ("visite", {"pays:ET", KE}, "2025-06-11"),
      ("rencontre", {"pays:ET", KE}, "2025-06-11")]),
    # "…pour Kampala, où il est attendu samedi", with the clause hung on the verb; a stop told twice is one visit.
    ("Le Premier ministre éthiopien Abiy Ahmed est à Nairobi. M. Abiy doit quitter Nairobi vendredi pour Kampala, où "
     "il est attendu samedi.", [("visite", {"pays:ET", "pays:UG"}, "2025-06-14")]),
    ("Mardi, le Premier ministre éthiopien avait fait escale à Nairobi, où il a été reçu par le président kényan.",
     [("visite", {"pays:ET", KE}, "2025-06-10"), ("rencontre", {"pays:ET", KE}, "2025-06-10")]),
    # Where one is expected is told after the verb; what is signed "au cours de laquelle" is between the visit's
    # sides; "les deux délégations" are the story's.
    ("Au Kenya voisin, le président William Ruto est attendu à Paris à la fin du mois pour une visite officielle, au "
     "cours de laquelle doit être signé un nouvel accord de défense.",
     [("visite", {"pays:FR", KE}, "2025-06"), ("accord", {"pays:FR", KE}, "2025-06")]),
    ("Le Kenya et la Tanzanie ont signé mardi un accord sur le rail. Les deux délégations ont également paraphé un "
     "protocole sur la sécurité routière.", [("accord", {KE, TZ}, "2025-06-10"), ("accord", {KE, TZ}, "2025-06-10")]),
    # "À l'issue de cet entretien": the meeting just told, not another.
    ("Le président équatorien Daniel Noboa a salué le nouveau président péruvien, avec qui il s'est entretenu mardi "
     "au palais du gouvernement. A l'issue de cet entretien, les deux pays ont signé un accord sur la pêche.",
     [("rencontre", {"pays:EC", "pays:PE"}, "2025-06-10"), ("accord", {"pays:EC", "pays:PE"}, "2025-06-10")]),
    # A stay of a few days is one visit, dated from its first day; "Reçu mardi … par X, M. Ruto…": Ruto was
    # received, X received him; an undated agreement told next takes the day just told, not the first day's.
    ("Le président kényan William Ruto a entamé lundi une visite en Tanzanie. Reçu mardi à Dodoma par la présidente "
     "Samia Suluhu Hassan, M. Ruto a assisté à la signature d'un accord sur le rail. Un second texte, sur la pêche, "
     "a été signé par les ministres des deux pays.",
     [("visite", {KE, TZ}, "2025-06-09"), ("rencontre", {KE, TZ}, "2025-06-10"), ("accord", {KE, TZ}, "2025-06-10"),
      ("accord", {KE, TZ}, "2025-06-10")]),
    # "M. Dar" keeps the country his title gave, not the place named before him.
    ("Le ministre pakistanais des Affaires étrangères, Ishaq Dar, est au Bangladesh. Arrivé samedi dans la "
     "capitale bangladaise, M. Dar a été reçu dimanche par le chef du gouvernement, Muhammad Yunus.",
     [("visite", {"pays:PK", "pays:BD"}, "2025-06-07"), ("rencontre", {"pays:PK", "pays:BD"}, "2025-06-08")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SENTENCES + STORIES, ids=[text[:50] for text, _ in SENTENCES + STORIES])
def test_what_the_text_tells(catalog, text, expected):
    assert facts_of(catalog, text) == expected
