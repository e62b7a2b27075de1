/* test-entities.c — the gazetteer, names and coref stages, rule by rule.
 *
 * The tests run over a small entity lexicon written here, so that they say
 * what the rules do whatever the shipped lists hold; the other lists
 * (titles, name patterns, abbreviations, …) are the shipped ones.
 */
#include "test-common.h"
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *fixture_lexicon =
  "# test entities\n"
  "country:US\tLOC\tcountry\tUnited States\tUS|U.S.|America|United States of America\t_\n"
  "country:CN\tLOC\tcountry\tChina\tPeople's Republic of China|PRC\t_\n"
  "country:GE\tLOC\tcountry\tGeorgia\t_\t_\n"
  "country:TR\tLOC\tcountry\tTurkey\tTürkiye\t_\n"
  "country:JO\tLOC\tcountry\tJordan\t_\t_\n"
  "country:TD\tLOC\tcountry\tChad\t_\t_\n"
  "country:IN\tLOC\tcountry\tIndia\tIN\t_\n"
  "country:SY\tLOC\tcountry\tSyria\t_\t_\n"
  "country:KE\tLOC\tcountry\tKenya\t_\t_\n"
  "ngo:amnesty\tORG\tngo\tAmnesty International\t_\tcountry=GB\n"
  "place:us-georgia\tLOC\tstate\tGeorgia\t_\tcountry=US\n"
  "place:us-atlanta\tLOC\tcity\tAtlanta\t_\tcountry=US\n"
  "place:us-washington-dc\tLOC\tcity\tWashington\tWashington, D.C.\tcountry=US\n"
  "place:ge-tbilisi\tLOC\tcity\tTbilisi\t_\tcountry=GE\n"
  "demonym:CN\tMISC\tdemonym\tChinese\t_\tlink=country:CN\n"
  "demonym:US\tMISC\tdemonym\tAmerican\tAmericans\tlink=country:US\n"
  "media:china-daily\tORG\tmedia\tChina Daily\t_\tcountry=CN\n"
  "team:crystal-palace\tORG\tteam\tCrystal Palace\t_\tcountry=GB\n"
  "media:ap\tORG\tmedia\tAssociated Press\tAP\tcountry=US\n"
  "media:washington-post\tORG\tmedia\tWashington Post\tThe Washington Post\tcountry=US\n"
  "media:the-australian\tORG\tmedia\tThe Australian\t_\tcountry=AU\n"
  "agency:us-nsa\tORG\tagency\tNational Security Agency\tNSA\tcountry=US\n"
  "agency:us-state\tORG\tagency\tDepartment of State\tState Department|U.S. State Department\tcountry=US\n"
  "agency:cn-mfa\tORG\tministry\tMinistry of Foreign Affairs of China\tChina's Foreign Ministry\tcountry=CN\n"
  "agency:us-joint-chiefs\tORG\tagency\tJoint Chiefs of Staff\t_\tcountry=US\n"
  "agency:cn-mofcom\tORG\tministry\tMinistry of Commerce of China\tChinese Commerce Ministry\t"
  "country=CN\n"
  "party:cn-cpc\tORG\tparty\tCommunist Party of China\tChinese Communist Party\tcountry=CN\n"
  "agency:cn-parliament\tORG\tagency\tNational People's Congress\tChina's parliament\tcountry=CN\n"
  "official:xi-jinping\tPER\tofficial\tXi Jinping\t_\tcountry=CN\n"
  "official:susan-rice\tPER\tofficial\tSusan Rice\t_\tcountry=US\n"
  "official:john-kerry\tPER\tofficial\tJohn Kerry\t_\tcountry=US\n"
  "official:ada-foobarsky\tPER\tofficial\tAda Foobarsky\tFoobarsky\tcountry=US\n"
  /* aliases the loader must analyze whole, and words aliases share: "No."
   * is an abbreviation only before a number */
  "agency:test-say-no\tORG\tagency\tThe Say No. Campaign\tSay No.\tcountry=GB\n"
  "agency:gb-number-10\tORG\tagency\tNo. 10 Downing Street\tNo. 10\tcountry=GB\n"
  "agency:ie-obrien\tORG\tagency\tO'Brien Marine Foundation\t_\tcountry=IE\n"
  "agency:ch-zurich-board\tORG\tagency\tZ\u00fcrich Harbour Board\tHarbour  Board of Z\u00fcrich\tcountry=CH\n"
  "place:gb-harbour-bay\tLOC\tcity\tHarbour Bay\t_\tcountry=GB\n";

static char *lexicon_dir;
static SaywhoPipeline *pipeline;
static SaywhoWorker *worker;

static void
copy_list (const char *name)
{
  g_autofree char *from = test_source_path ("lexicons", name, NULL);
  g_autofree char *to = g_build_filename (lexicon_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (to, contents, -1, NULL));
}

static void
setup_fixture (void)
{
  lexicon_dir = g_dir_make_tmp ("saywho-entities-XXXXXX", NULL);
  const char *lists[] = { "abbreviations.tsv", "sentence-starters.txt", "titles.tsv",
                          "name-patterns.tsv", "first-names.txt", "speech-cues.tsv",
                          "speaker-nouns.tsv" };
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    copy_list (lists[i]);
  g_autofree char *path = g_build_filename (lexicon_dir, "test.tsv", NULL);
  g_assert_true (g_file_set_contents (path, fixture_lexicon, -1, NULL));
  g_autoptr (GError) error = NULL;
  SaywhoConfig config = { lexicon_dir, "english" };
  pipeline = saywho_pipeline_new (&config, NULL, &error);
  g_assert_no_error (error);
  worker = saywho_worker_new (pipeline, &error);
  g_assert_no_error (error);
}

/* "text/TYPE/id" for each entity, joined by "; ". */
static char *
describe (const char *input)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SaywhoDocument) doc = saywho_document_new ("t", input);
  g_assert_true (saywho_worker_process (worker, doc, &error));
  GString *out = g_string_new (NULL);
  for (guint k = 0; k < doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      const SaywhoToken *a = saywho_document_token (doc, e->span.start);
      const SaywhoToken *b = saywho_document_token (doc, e->span.end - 1);
      g_string_append_printf (out, "%s%.*s/%s/%s", k ? "; " : "",
                              (int) (b->byte_end - a->byte_start), doc->text + a->byte_start,
                              saywho_entity_type_name (e->type), e->id ? e->id : "_");
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *rule;
  const char *input;
  const char *entities;
} EntityCase;

static const EntityCase cases[] = {
  /* longest match */
  { "longest", "China Daily reported on China.",
    "China Daily/ORG/media:china-daily; China/LOC/country:CN" },
  { "longest", "The Washington Post said Washington agreed.",
    "Washington Post/ORG/media:washington-post; Washington/LOC/place:us-washington-dc" },
  { "longest", "The People's Republic of China objected.",
    "People's Republic of China/LOC/country:CN" },
  /* case policy */
  { "case", "US officials met us.", "US/LOC/country:US" },
  { "case", "He went in, not IN.", "IN/LOC/country:IN" },
  { "case", "china is porcelain and turkey is a bird.", "" },
  { "case", "CHINA AND US AGREE TO TALK", "CHINA/LOC/country:CN; US/LOC/country:US" },
  { "case", "CHINA DAILY SAYS XI JINPING WILL VISIT",
    "CHINA DAILY/ORG/media:china-daily; XI JINPING/PER/official:xi-jinping" },
  { "case", "Talks in America and the U.S. went on.",
    "America/LOC/country:US; U.S./LOC/country:US" },
  { "case", "WASHINGTON \u2014 The talks ended.", "WASHINGTON/LOC/place:us-washington-dc" },
  /* names that are descriptions are not aliases */
  { "alias-form", "China's parliament met.", "China/LOC/country:CN" },
  { "alias-form", "They met in Washington, D.C. on Monday.",
    "Washington/LOC/place:us-washington-dc" },
  /* inflected multi-word names */
  { "stems", "A Joint Chief of Staff spoke.", "Joint Chief of Staff/ORG/agency:us-joint-chiefs" },
  /* possessives, hyphens, demonyms */
  { "split", "China's China-US US-made chips", "China/LOC/country:CN; China/LOC/country:CN; "
                                                "US/LOC/country:US; US/LOC/country:US" },
  { "demonym", "Chinese and American officials met.",
    "Chinese/MISC/country:CN; American/MISC/country:US" },
  { "prefix", "Sino-American ties improved.", "Sino-American/MISC/local:sino-american" },
  /* ambiguity by the document's other places */
  { "ambiguity", "Georgia hosted talks in Tbilisi.",
    "Georgia/LOC/country:GE; Tbilisi/LOC/place:ge-tbilisi" },
  { "ambiguity", "Atlanta, the capital of Georgia, is hot.",
    "Atlanta/LOC/place:us-atlanta; Georgia/LOC/place:us-georgia" },
  { "ambiguity", "Turkey and Chad signed.", "Turkey/LOC/country:TR; Chad/LOC/country:TD" },
  { "ambiguity", "Rep. Jim Jordan said so.", "Jim Jordan/PER/local:jim-jordan" },
  { "ambiguity", "Jordan said it would open the border.", "Jordan/LOC/country:JO" },
  /* titles before names: the title is not part of the mention */
  { "title", "A spokesman, Ned Price, spoke; spokesman Ned Price said so.",
    "Ned Price/PER/local:ned-price; Ned Price/PER/local:ned-price" },
  { "title", "Gen. Mark Milley spoke.", "Mark Milley/PER/local:mark-milley" },
  { "title", "President Xi Jinping arrived.", "Xi Jinping/PER/official:xi-jinping" },
  { "title", "Secretary of State John Kerry arrived.", "John Kerry/PER/official:john-kerry" },
  { "title", "Chinese President Xi Jinping arrived.",
    "Chinese/MISC/country:CN; Xi Jinping/PER/official:xi-jinping" },
  { "title", "Foreign Minister Wang Yi met Mr. Meng.",
    "Wang Yi/PER/local:wang-yi; Meng/PER/local:meng" },
  { "title", "A navy spokesman, Commodore Adamu Bello, said so.",
    "Adamu Bello/PER/local:adamu-bello" },
  /* a hyphenated given name is part of the name; a compound after a name
   * is not */
  { "hyphen-name", "Trade Minister Han Seung-woo met Kim Jong-un and Lee Teng-hui.",
    "Han Seung-woo/PER/local:han-seung-woo; Kim Jong-un/PER/local:kim-jong-un; "
    "Lee Teng-hui/PER/local:lee-teng-hui" },
  { "hyphen-name", "John Smith-led talks and a Washington-based group met.",
    "John Smith/PER/local:john-smith; Washington/LOC/place:us-washington-dc" },
  /* bylines, also in capitals */
  { "byline", "Storm hits\n\nBy JANE DOE and JOHN ROE Associated Press\n\nATLANTA (AP) "
              "\u2014 A storm struck.",
    "JANE DOE/PER/local:jane-doe; JOHN ROE/PER/local:john-roe; Associated Press/ORG/media:ap; "
    "ATLANTA/LOC/place:us-atlanta; AP/ORG/media:ap" },
  /* organizations by their head word */
  { "org-pattern", "It reported to the Commission for Political and Legal Affairs of the CPC "
                   "Central Committee.",
    "Commission for Political and Legal Affairs of the CPC Central Committee/ORG/"
    "local:commission-for-political-and-legal-affairs-of-the-cpc-central-committee" },
  { "org-pattern", "The Information Technology and Innovation Foundation said so.",
    "Information Technology and Innovation Foundation/ORG/"
    "local:information-technology-and-innovation-foundation" },
  { "org-pattern", "The Chinese Foreign Ministry spoke.",
    "Chinese/MISC/country:CN; Foreign Ministry/ORG/local:foreign-ministry" },
  /* a nationality is part of an organization's name, but not of a
   * government's own body's */
  { "org-pattern", "The Mexican Bar Association and the American Petroleum Institute objected.",
    "Mexican Bar Association/ORG/local:mexican-bar-association; "
    "American Petroleum Institute/ORG/local:american-petroleum-institute" },
  { "org-pattern", "The American Interior Ministry objected.",
    "American/MISC/country:US; Interior Ministry/ORG/local:interior-ministry" },
  { "org-pattern", "Jane Roe, an analyst at Skagerak Markets, and the Nordic Shipping Institute "
                   "agreed.",
    "Jane Roe/PER/local:jane-roe; Skagerak Markets/ORG/local:skagerak-markets; "
    "Nordic Shipping Institute/ORG/local:nordic-shipping-institute" },
  /* a leading "The" is never part of a name, even one a listed name
   * starts ("The Australian" is a newspaper) */
  { "org-pattern", "The Australian National Audit Office said so in The Australian.",
    "Australian National Audit Office/ORG/local:australian-national-audit-office; "
    "The Australian/ORG/media:the-australian" },
  /* "for the", "on the" inside a name; a country's abbreviation before an
   * unlisted body is its own mention, its full name part of the name */
  { "org-pattern", "The Centre for the Study of Developing Societies met the U.S. Foobar Weather "
                   "Service and the China Foobar Bank.",
    "Centre for the Study of Developing Societies/ORG/"
    "local:centre-for-the-study-of-developing-societies; U.S./LOC/country:US; "
    "Foobar Weather Service/ORG/local:foobar-weather-service; "
    "China Foobar Bank/ORG/local:china-foobar-bank" },
  { "org-pattern", "Ada Lovel told Radio Foobarina. Oil theft in the Foobar Delta fell.",
    "Ada Lovel/PER/local:ada-lovel; Radio Foobarina/ORG/local:radio-foobarina; "
    "Foobar Delta/LOC/local:foobar-delta" },
  /* the head before the complements decides; a place's name holds no
   * "and" or "on"; "People's" and a plural's apostrophe inside names */
  { "org-pattern", "A professor at the University of Foobar Island spoke near the Gulf of Foobar.",
    "University of Foobar Island/ORG/local:university-of-foobar-island; "
    "Gulf of Foobar/LOC/local:gulf-of-foobar" },
  { "loc-pattern", "Ships sail from Foobar Strait and Weda Bay on Halmahera.",
    "Foobar Strait/LOC/local:foobar-strait; Weda Bay/LOC/local:weda-bay" },
  { "org-pattern", "The Foobar People's Party and the Foobar Workers' Union met.",
    "Foobar People's Party/ORG/local:foobar-people-s-party; "
    "Foobar Workers' Union/ORG/local:foobar-workers-union" },
  /* an article starts a place's name, not a person's */
  { "article-name", "The cabinet met in La Laguna near Las Lajas Copper.",
    "La Laguna/LOC/local:la-laguna; Las Lajas Copper/ORG/local:las-lajas-copper" },
  /* places before a place noun, and after "the states of" */
  { "place-noun-after", "They met in the capital's Heliopolis district, and in the states of "
                        "Kanoland and Kadunaland.",
    "Heliopolis/LOC/local:heliopolis; Kanoland/LOC/local:kanoland; "
    "Kadunaland/LOC/local:kadunaland" },
  /* a single name set off by an appositive naming a role */
  { "single-name", "Traders agreed. Suharyono, an official at the ministry, said so. \"We won,\" "
                   "said Pele, the Santos striker.",
    "Suharyono/PER/local:suharyono; Pele/PER/local:pele" },
  { "single-name", "Officials, the minister said, left. Analysts, an economist said, were upbeat.",
    "" },
  /* a headed name at a sentence's start keeps a word the document also
   * writes in lower case; the organization before a title is a mention */
  { "org-pattern", "Foreign Ministry spokesperson Ada Lovel said foreign ships left.",
    "Foreign Ministry/ORG/local:foreign-ministry; Ada Lovel/PER/local:ada-lovel" },
  { "org-pattern", "The Ministry of Public Security and the Cyberspace Administration of China met.",
    "Ministry of Public Security/ORG/local:ministry-of-public-security; "
    "Cyberspace Administration of China/ORG/local:cyberspace-administration-of-china" },
  { "org-pattern", "Officials of the Arab League for Syria met.",
    "Arab League/ORG/local:arab-league; Syria/LOC/country:SY" },
  { "loc-pattern", "Farms along the Yellow River flooded.", "Yellow River/LOC/local:yellow-river" },
  { "misc-pattern", "The CHIPS and Science Act passed.",
    "CHIPS and Science Act/MISC/local:chips-and-science-act" },
  { "place-after-in", "The match was played at Highbury and talks were held in Durban.",
    "Highbury/LOC/local:highbury; Durban/LOC/local:durban" },
  { "place-after-in", "The meeting in September was in private.", "" },
  /* an unknown name after a place noun and "of" */
  { "place-of", "Thousands fled the besieged city of El Fashir and the state of Georgia.",
    "El Fashir/LOC/local:el-fashir; Georgia/LOC/country:GE" },
  { "place-of", "The state of the Union was discussed by the county of Foobar Council.",
    "Foobar Council/ORG/local:foobar-council" },
  { "title-before-head", "He plays in the Premier League.",
    "Premier League/ORG/local:premier-league" },
  { "caps-line", "RUGBY UNION - NEW TOUR", "" },
  /* acronyms defined in parentheses */
  { "acronym", "The National Security Agency (NSA) declined. The NSA said nothing.",
    "National Security Agency/ORG/agency:us-nsa; NSA/ORG/agency:us-nsa; NSA/ORG/agency:us-nsa" },
  { "acronym", "The Semiconductor Industry Association (SIA) said. Later the SIA added more.",
    "Semiconductor Industry Association/ORG/local:semiconductor-industry-association; "
    "SIA/ORG/local:semiconductor-industry-association; "
    "SIA/ORG/local:semiconductor-industry-association" },
  /* an unknown name with an acronym is taken for an organization, not a person */
  { "acronym", "Prices of Brent Crude Oil (BCO) rose.",
    "Brent Crude Oil/ORG/local:brent-crude-oil; BCO/ORG/local:brent-crude-oil" },
  /* initials that spell a name given in full, with no parenthesis */
  { "initials", "The Foobar Support Forces attacked. The FSF denied it.",
    "Foobar Support Forces/ORG/local:foobar-support-forces; FSF/ORG/local:foobar-support-forces" },
  /* a news agency credited after a dateline is no acronym of the place */
  { "acronym-credit", "Storm hits\n\nATLANTA (AP) \u2014 A storm struck Georgia on Tuesday.",
    "ATLANTA/LOC/place:us-atlanta; AP/ORG/media:ap; Georgia/LOC/place:us-georgia" },
  /* a dateline's place in capitals: unlisted, in several words, with a
   * title, one on each side of a slash, listed as an organization */
  { "dateline", "Vote counting begins\n\nGUWAHATI, India (AP) \u2014 Counting began.",
    "GUWAHATI/LOC/local:guwahati; India/LOC/country:IN; AP/ORG/media:ap" },
  { "dateline", "Boats arrive\n\nSANTA CRUZ DE TENERIFE, Kenya (AP) \u2014 Boats came.",
    "SANTA CRUZ DE TENERIFE/LOC/local:santa-cruz-de-tenerife; Kenya/LOC/country:KE; "
    "AP/ORG/media:ap" },
  { "dateline", "Storm hits\n\nST. LOUIS (AP) \u2014 A storm struck.",
    "ST. LOUIS/LOC/local:st-louis; AP/ORG/media:ap" },
  { "dateline", "Talks end\n\nATLANTA/TBILISI, May 2 (AP) - Talks ended.",
    "ATLANTA/LOC/place:us-atlanta; TBILISI/LOC/place:ge-tbilisi; AP/ORG/media:ap" },
  { "dateline", "Paper sold\n\nCHINA DAILY (AP) \u2014 The paper was sold.",
    "CHINA DAILY/LOC/local:china-daily; AP/ORG/media:ap" },
  { "dateline", "Talks open\n\nCebu (Kenya) (AP) - The talks opened.",
    "Cebu/LOC/local:cebu; Kenya/LOC/country:KE; AP/ORG/media:ap" },
  /* a headline in capitals before a dash names no place */
  { "dateline", "MARKET TURMOIL \u2014 Stocks fell on Monday.", "" },
  /* in a line in capitals a titled name is a given name and a surname */
  { "caps-title", "The sign read GEN. MARTA KOWALCZYK SPOKE HERE, and tourists stopped to "
    "look at it on Monday.", "MARTA KOWALCZYK/PER/local:marta-kowalczyk" },
  /* an unknown acronym before a role in an organization, or between
   * "the" and a noun for one, is an organization */
  { "acronym-role", "The strike went on. CGT leader Marc Lemaire spoke.",
    "CGT/ORG/local:cgt; Marc Lemaire/PER/local:marc-lemaire" },
  { "acronym-role", "The strike went on. The UAW's president spoke.", "UAW/ORG/local:uaw" },
  { "acronym-role", "The strike went on. The CGT union marched.", "CGT/ORG/local:cgt" },
  /* (two letters are too few: "the AI chief") */
  { "acronym-role", "The strike went on. The AI chief spoke.", "" },
  /* an unknown word set off by an appositive that ends in a noun for an
   * organization, even after "at" */
  { "appositive-org", "The strike went on. The CFDT, the largest union, said it would join.",
    "CFDT/ORG/local:cfdt" },
  { "appositive-org", "Workers at Sernageomin, the mining regulator, said the site was shut.",
    "Sernageomin/ORG/local:sernageomin" },
  { "appositive-org", "Workers at Durbanville, a small town, said the site was shut.",
    "Durbanville/LOC/local:durbanville" },
  /* a person "of" an organization is two names: the words before "of"
   * hold no head word, where an organization's do ("Bank of England") */
  { "person-of-org", "Officials agreed, said Tasneem Haq of Foobar Action Network South Asia.",
    "Tasneem Haq/PER/local:tasneem-haq; "
    "Foobar Action Network South Asia/ORG/local:foobar-action-network-south-asia" },
  { "person-of-org", "The Bank of Foobaria held its rates.",
    "Bank of Foobaria/ORG/local:bank-of-foobaria" },
  /* an unknown name that has what only an organization has */
  { "org-own", "The market fell. Norvik's shares fell 5% and Quillfeather's biggest market shrank.",
    "Norvik/ORG/local:norvik; Quillfeather/ORG/local:quillfeather" },
  { "org-own", "The market fell. Norvik's wife spoke.", "" },
  /* a name before "-based" is a place, with its abbreviation */
  { "based", "The Gothenburg-based firm and a St. Louis-based court spoke.",
    "Gothenburg/LOC/local:gothenburg; St. Louis/LOC/local:st-louis" },
  { "based", "The plant-based firm grew.", "" },
  /* a head word alone after "the", unless too general or the end of a
   * name the document gives */
  { "lone-head", "Lawmakers met. The Treasury has said the measures will raise money.",
    "Treasury/ORG/local:treasury" },
  { "lone-head", "Lawmakers met. The Ministry has said the measures will raise money.", "" },
  /* a noun for an outlet or an app before an unknown name */
  { "org-noun", "She told the daily Rzeczpospolita that the regulator fined video app Strimly.",
    "Rzeczpospolita/ORG/local:rzeczpospolita; Strimly/ORG/local:strimly" },
  /* an unknown run with no given name or title is no person after "the",
   * and a place after "in", "at" … unless a possessive follows */
  { "no-person", "The president spoke in the Rose Garden on Monday.", "" },
  { "no-person", "The ferry docked at Swanson Dock on Monday.",
    "Swanson Dock/LOC/local:swanson-dock" },
  { "no-person", "He scored, heading in Declan Ricey's cross.",
    "Declan Ricey/PER/local:declan-ricey" },
  /* a generic head after "the" is the one organization that ends with it,
   * and none when two do */
  { "the-head", "The Foobar Trade Commission met. The Commission said it would act.",
    "Foobar Trade Commission/ORG/local:foobar-trade-commission; "
    "Commission/ORG/local:foobar-trade-commission" },
  { "the-head", "The Foobar Trade Commission and the Barfoo Energy Commission met. "
                "The Commission said it would act.",
    "Foobar Trade Commission/ORG/local:foobar-trade-commission; "
    "Barfoo Energy Commission/ORG/local:barfoo-energy-commission" },
  /* schools and academies head organizations, "&" joins their words */
  { "org-head", "Ada Lovel of the Foobar School of Hygiene & Tropical Medicine spoke.",
    "Ada Lovel/PER/local:ada-lovel; Foobar School of Hygiene & Tropical Medicine/ORG/"
    "local:foobar-school-of-hygiene-tropical-medicine" },
  /* a national statistics office */
  { "org-head", "Prices rose, according to Statistics Kenya (KNBS).",
    "Statistics Kenya/ORG/local:statistics-kenya; KNBS/ORG/local:statistics-kenya" },
  /* a headline's verb is no name, even after a title */
  { "headline-verb", "Norvik Cuts Outlook, CEO Says\n\nThe firm cut its outlook.", "" },
  /* a head-word name around a listed place is not that place */
  { "head-around-place", "They played at the Emirates Stadium.",
    "Emirates Stadium/LOC/local:emirates-stadium" },
  /* a listed name keeps its reading over a head word's ("Palace" heads places) */
  { "listed-over-head", "They lost to Crystal Palace on Sunday.",
    "Crystal Palace/ORG/team:crystal-palace" },
  /* what the loader makes of aliases: a number abbreviation before its
   * number, an apostrophe, letters outside ASCII, two spaces, and words
   * several aliases share */
  { "loader", "Officials at No. 10 said so.", "No. 10/ORG/agency:gb-number-10" },
  { "loader", "The O'Brien Marine Foundation agreed.",
    "O'Brien Marine Foundation/ORG/agency:ie-obrien" },
  { "loader", "The Harbour Board of Z\u00fcrich met in Harbour Bay.",
    "Harbour Board of Z\u00fcrich/ORG/agency:ch-zurich-board; Harbour Bay/LOC/place:gb-harbour-bay" },
  { "loader", "The Z\u00fcrich Harbour Board met.", "Z\u00fcrich Harbour Board/ORG/agency:ch-zurich-board" },
  /* a place that leads a listed name is a mention of its own; the name
   * keeps the id the whole alias gives it */
  { "leading-place", "China's Foreign Ministry objected.",
    "China/LOC/country:CN; Foreign Ministry/ORG/agency:cn-mfa" },
  { "leading-place", "The U.S. State Department said so.",
    "U.S./LOC/country:US; State Department/ORG/agency:us-state" },
  { "leading-place", "China Daily said so.", "China Daily/ORG/media:china-daily" },
  /* and so is a nationality before a listed ministry, but not before a
   * party's name */
  { "leading-place", "The Chinese Commerce Ministry and the Chinese Communist Party met.",
    "Chinese/MISC/country:CN; Commerce Ministry/ORG/agency:cn-mofcom; "
    "Chinese Communist Party/ORG/party:cn-cpc" },
  /* a lone unknown name right after a noun that describes an organization
   * is that organization, and so are its other mentions */
  { "described-org", "The fishermen's group Pamalakay said it would protest. Pamalakay "
                     "later marched.",
    "Pamalakay/ORG/local:pamalakay; Pamalakay/ORG/local:pamalakay" },
  { "described-org", "The vaccine alliance Gavix said it would help.",
    "Gavix/ORG/local:gavix" },
  { "described-org", "The Foobo institute said its index fell; the Wagnerz group left. The "
                     "Sunday newspaper agreed.",
    "Foobo/ORG/local:foobo; Wagnerz/ORG/local:wagnerz" },
  /* a listed group and a country right after it: its branch there */
  { "branch", "Amnesty International Kenya said so, and Amnesty International agreed.",
    "Amnesty International Kenya/ORG/local:amnesty-international-kenya; "
    "Amnesty International/ORG/ngo:amnesty" },
  { "branch", "Amnesty International, Kenya and Syria met; Amnesty International Kenya Section "
              "spoke.",
    "Amnesty International/ORG/ngo:amnesty; Kenya/LOC/country:KE; Syria/LOC/country:SY; "
    "Amnesty International/ORG/ngo:amnesty; Kenya/LOC/country:KE" },
  { "described-org", "Inflation rose, said statistics agency Foobargo.",
    "Foobargo/ORG/local:foobargo" },
  { "described-org", "The company Monday said so, and the bank Chairman agreed.", "" },
  /* a leader's listed surname; another given name before it makes
   * another person, who takes no listed mention over */
  { "surname", "Foobarsky said so. Maria Foobarsky and Ada Foobarsky met. President Foobarsky "
               "spoke at Foobarsky Tower.",
    "Foobarsky/PER/official:ada-foobarsky; Maria Foobarsky/PER/local:maria-foobarsky; "
    "Ada Foobarsky/PER/official:ada-foobarsky; Foobarsky/PER/official:ada-foobarsky; "
    "Foobarsky Tower/LOC/local:foobarsky-tower" },
  /* partial names */
  { "partial", "Susan Rice spoke. Later Rice said the rice harvest was fine.",
    "Susan Rice/PER/official:susan-rice; Rice/PER/official:susan-rice" },
  { "partial", "Xi said so. Xi Jinping then left.",
    "Xi/PER/official:xi-jinping; Xi Jinping/PER/official:xi-jinping" },
  { "partial", "Envoy Meng Jianzhu came. Meng said China agreed.",
    "Meng Jianzhu/PER/local:meng-jianzhu; Meng/PER/local:meng-jianzhu; China/LOC/country:CN" },
  { "partial", "Haitham al-Ghais, the head, spoke. Al-Ghais said no.",
    "Haitham al-Ghais/PER/local:haitham-al-ghais; Al-Ghais/PER/local:haitham-al-ghais" },
  { "partial", "The Washington Post reported it. The Post said more.",
    "Washington Post/ORG/media:washington-post; Post/ORG/media:washington-post" },
  { "partial", "John Kerry and John Smith met. John said hello.",
    "John Kerry/PER/official:john-kerry; John Smith/PER/local:john-smith" },
  /* sentence-initial capitals are not names */
  { "sentence-start", "Officials said nothing. Senior officials agreed.", "" },
  { "sentence-start", "Analysts Expect Growth", "" },
};

static void
test_case (gconstpointer data)
{
  const EntityCase *c = data;
  g_autofree char *got = describe (c->input);
  g_assert_cmpstr (got, ==, c->entities);
}

/* The lexicon loader reports malformed entries and duplicate ids by file
 * and line. */
typedef struct {
  const char *contents;
  const char *error;
} LoadCase;

static const LoadCase load_cases[] = {
  { "country:XX\tLOC\tcountry\tX\n", "bad.tsv:1: expected 6 tab-separated columns, found 4" },
  { "# c\nnoprefix\tLOC\tcountry\tX\t_\t_\n", "bad.tsv:2: id 'noprefix' is not of the form" },
  { "country:XX\tPLACE\tcountry\tX\t_\t_\n", "bad.tsv:1: type 'PLACE' is none of" },
  { "country:XX\tLOC\tcountry\t_\t_\t_\n", "bad.tsv:1: empty kind or name" },
  { "country:XX\tLOC\tcountry\tX\t_\t_\n\ncountry:XX\tLOC\tcountry\tY\t_\t_\n",
    "bad.tsv:3: id 'country:XX' is defined twice (first at bad.tsv:1)" },
};

static void
test_load_errors (gconstpointer data)
{
  const LoadCase *c = data;
  g_autofree char *dir = g_dir_make_tmp ("saywho-badlex-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.tsv", NULL);
  g_assert_true (g_file_set_contents (path, c->contents, -1, NULL));
  const char *lists[] = { "abbreviations.tsv", "sentence-starters.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *from = test_source_path ("lexicons", lists[i], NULL);
      g_autofree char *to = g_build_filename (dir, lists[i], NULL);
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (from, &text, NULL, NULL));
      g_assert_true (g_file_set_contents (to, text, -1, NULL));
    }
  g_autoptr (GError) error = NULL;
  SaywhoConfig config = { dir, "english" };
  const char *stages[] = { "tokenize", "segment", "stem", "gazetteer", NULL };
  g_autoptr (SaywhoPipeline) p = saywho_pipeline_new (&config, stages, &error);
  g_assert_null (p);
  g_assert_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON);
  g_assert_nonnull (strstr (error->message, c->error));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *to = g_build_filename (dir, lists[i], NULL);
      g_unlink (to);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* Every entity has an id and a name; entities are sorted and disjoint. */
static void
test_invariants (void)
{
  g_autofree char *corpus = test_source_path ("corpus", "asia", "us-china-cyber-dialogue.txt", NULL);
  g_autoptr (SaywhoDocument) doc = saywho_document_new_take ("x", corpus, NULL, 0);
  g_autoptr (GError) error = NULL;
  g_assert_true (saywho_document_load (doc, &error));
  g_assert_true (saywho_worker_process (test_worker (), doc, &error));
  g_assert_cmpuint (doc->entities->len, >, 20);
  guint previous_end = 0;
  for (guint k = 0; k < doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      g_assert_cmpuint (e->span.start, >=, previous_end);
      g_assert_cmpuint (e->span.end, >, e->span.start);
      g_assert_nonnull (e->id);
      g_assert_nonnull (e->name);
      previous_end = e->span.end;
    }
}

static void
remove_fixture (void)
{
  GDir *d = g_dir_open (lexicon_dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (lexicon_dir, name, NULL);
      g_unlink (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (lexicon_dir);
  g_free (lexicon_dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  setup_fixture ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entities/%s/%u", cases[i].rule, i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (load_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entities/load-errors/%u", i);
      g_test_add_data_func (path, &load_cases[i], test_load_errors);
    }
  g_test_add_func ("/entities/invariants", test_invariants);
  int status = g_test_run ();
  saywho_worker_free (worker);
  saywho_pipeline_free (pipeline);
  remove_fixture ();
  test_common_cleanup ();
  return status;
}
