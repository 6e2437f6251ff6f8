"""Country entities built from the real babel and pycountry data."""

import pycountry
import pytest

from facts.countries import country_entities, flag_for
from facts.normalize import STOP_WORDS, fold


def _by_iso():
    return {entity.iso: entity for entity in country_entities()}


def _folded_names(iso: str) -> set[str]:
    return {fold(name) for name in _by_iso()[iso].names}


def _find(name: str) -> set[str]:
    """ISO codes of every country answering to `name`."""
    return {entity.iso for entity in country_entities() if fold(name) in {fold(n) for n in entity.names}}


EXPECTED = {
    "JP": ["Japon", "Japan", "JPN", "japonais", "japonaise", "japonaises"],
    "UA": ["Ukraine", "ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"],
    "KR": ["Corée du Sud", "South Korea", "sud-coréen", "sud-coréennes", "République de Corée"],
    "KP": ["Corée du Nord", "North Korea", "nord-coréen"],
    "US": ["États-Unis", "United States", "USA", "américain", "américaines"],
    "GB": ["Royaume-Uni", "United Kingdom", "britannique"],
    "FR": ["France", "français", "française"],
    "DE": ["Allemagne", "allemand", "allemandes", "Germany"],
    "CN": ["Chine", "chinois"],
    "RU": ["Russie", "russe", "russes"],
    "PL": ["Pologne", "polonais"],
    "PE": ["Pérou", "péruvien"],
    "GR": ["grec", "grecque"],
    "TR": ["turc", "turque"],
}


@pytest.mark.parametrize(("iso", "names"), EXPECTED.items())
def test_known_names(iso, names):
    folded = _folded_names(iso)
    assert [name for name in names if fold(name) not in folded] == []


def test_one_entity_per_iso_country():
    entities = country_entities()
    assert len(entities) >= 249
    assert len({entity.iso for entity in entities}) == len(entities)
    japan = _by_iso()["JP"]
    assert (japan.id, japan.kind, japan.name, japan.flag) == ("pays:JP", "pays", "Japon", "🇯🇵")
    assert country_entities() is entities


def test_aliases_are_deduplicated_by_fold():
    for entity in country_entities():
        folded = [fold(name) for name in entity.names]
        assert len(folded) == len(set(folded)), entity.iso


def test_no_alias_is_a_function_word():
    names = [(entity.iso, name) for entity in country_entities() for name in entity.names]
    assert [(iso, name) for iso, name in names if fold(name) in STOP_WORDS] == []


def test_no_name_is_shared_by_two_countries():
    owners: dict[str, set[str]] = {}
    for entity in country_entities():
        alpha_3 = pycountry.countries.get(alpha_2=entity.iso).alpha_3
        for name in entity.names:
            if name != alpha_3:
                owners.setdefault(fold(name), set()).add(entity.iso)
    assert {name: isos for name, isos in owners.items() if len(isos) > 1} == {}


def test_wrong_language_guesses_are_not_demonyms():
    # The language is spoken there but not named after the country.
    assert _find("portugais") == {"PT"}
    assert _find("anglais") == {"GB"}  # from demonyms.json: the colloquial word for British, never US
    assert _find("afrikaans") == set()


def test_flag_for():
    assert flag_for("fr") == "🇫🇷"
    with pytest.raises(ValueError):
        flag_for("FRA")


# Written independently of the data file: masculine, feminine and plural forms of common demonyms.
COVERAGE = [
    ("afghan", "AF"), ("albanais", "AL"), ("algérienne", "DZ"), ("allemands", "DE"), ("américaine", "US"),
    ("angolais", "AO"), ("argentines", "AR"), ("arménien", "AM"), ("australienne", "AU"),
    ("autrichien", "AT"), ("azéri", "AZ"), ("azerbaïdjanais", "AZ"), ("bangladais", "BD"), ("belges", "BE"),
    ("béninois", "BJ"), ("biélorusse", "BY"), ("birmane", "MM"), ("bolivien", "BO"), ("bosnien", "BA"),
    ("brésilienne", "BR"), ("britanniques", "GB"), ("bulgare", "BG"), ("burkinabè", "BF"),
    ("cambodgien", "KH"), ("camerounaise", "CM"), ("canadiens", "CA"), ("chilien", "CL"), ("chinoises", "CN"),
    ("chypriote", "CY"), ("colombienne", "CO"), ("croate", "HR"), ("cubain", "CU"), ("danoise", "DK"),
    ("égyptien", "EG"), ("émirien", "AE"), ("équatorien", "EC"), ("espagnole", "ES"), ("estonien", "EE"),
    ("éthiopienne", "ET"), ("finlandais", "FI"), ("gabonais", "GA"), ("géorgien", "GE"), ("ghanéen", "GH"),
    ("grecque", "GR"), ("haïtien", "HT"), ("hellène", "GR"), ("helvétique", "CH"), ("hongroise", "HU"),
    ("indien", "IN"), ("indonésienne", "ID"), ("irakien", "IQ"), ("iranienne", "IR"), ("irlandais", "IE"),
    ("islandais", "IS"), ("israéliens", "IL"), ("italienne", "IT"), ("ivoirien", "CI"), ("jordanien", "JO"),
    ("kazakh", "KZ"), ("kényane", "KE"), ("kirghiz", "KG"), ("koweïtien", "KW"), ("letton", "LV"),
    ("libanais", "LB"), ("libyenne", "LY"), ("lituanien", "LT"), ("luxembourgeois", "LU"),
    ("malgache", "MG"), ("malien", "ML"), ("malaisienne", "MY"), ("maltais", "MT"), ("marocaines", "MA"),
    ("mauritanien", "MR"), ("mexicain", "MX"), ("moldave", "MD"), ("monégasque", "MC"), ("mongol", "MN"),
    ("mozambicain", "MZ"), ("namibien", "NA"), ("néerlandaise", "NL"), ("néo-zélandais", "NZ"),
    ("nigérian", "NG"), ("nigérien", "NE"), ("nippon", "JP"), ("norvégien", "NO"), ("omanais", "OM"),
    ("ougandais", "UG"), ("ouzbek", "UZ"), ("pakistanais", "PK"), ("palestinien", "PS"), ("paraguayen", "PY"),
    ("péruviennes", "PE"), ("philippin", "PH"), ("polonaise", "PL"), ("portugaise", "PT"), ("qatari", "QA"),
    ("roumain", "RO"), ("russes", "RU"), ("rwandais", "RW"), ("saoudienne", "SA"), ("sénégalais", "SN"),
    ("serbe", "RS"), ("singapourien", "SG"), ("slovaque", "SK"), ("slovène", "SI"), ("somalien", "SO"),
    ("soudanais", "SD"), ("sud-africaine", "ZA"), ("sud-coréens", "KR"), ("suédois", "SE"), ("suisse", "CH"),
    ("syrien", "SY"), ("tadjik", "TJ"), ("taïwanais", "TW"), ("tanzanien", "TZ"), ("tchadien", "TD"),
    ("tchèque", "CZ"), ("thaïlandaise", "TH"), ("tunisien", "TN"), ("turcs", "TR"), ("turkmène", "TM"),
    ("ukrainiennes", "UA"), ("uruguayen", "UY"), ("vénézuélien", "VE"), ("vietnamienne", "VN"),
    ("yéménite", "YE"), ("zambien", "ZM"), ("zimbabwéen", "ZW"),
]  # fmt: skip


def test_demonym_coverage():
    found = {iso: _folded_names(iso) for iso in {iso for _, iso in COVERAGE}}
    misses = [(word, iso) for word, iso in COVERAGE if fold(word) not in found[iso]]
    print(f"coverage {len(COVERAGE) - len(misses)}/{len(COVERAGE)}, misses: {misses}")
    assert len(misses) <= 0.1 * len(COVERAGE), misses
