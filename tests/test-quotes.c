/* test-quotes.c — the quotes and speakers stages, pattern by pattern.
 *
 * Each case lists the quotations found as
 *   kind|content|speaker id|mention|cue
 * joined by " ; ", with `_` for what is absent.  The people are unlisted
 * names made up for the tests, so their ids are the document-local ones the
 * names stage gives them whatever the shipped lexicons hold.
 */
#include "test-common.h"

#include <string.h>

static char *
span_text (const SaywhoDocument *doc, SaywhoSpan span)
{
  if (span.end <= span.start)
    return g_strdup ("_");
  const SaywhoToken *a = saywho_document_token (doc, span.start);
  const SaywhoToken *b = saywho_document_token (doc, span.end - 1);
  GString *out = g_string_new (NULL);
  saywho_format_append_oneline (out, doc->text + a->byte_start, b->byte_end - a->byte_start);
  return g_string_free (out, FALSE);
}

static char *
describe (const SaywhoDocument *doc)
{
  GString *out = g_string_new (NULL);
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      g_autofree char *content = span_text (doc, quote->span);
      g_autofree char *mention = span_text (doc, quote->mention);
      g_autofree char *cue = span_text (doc, quote->cue);
      g_string_append_printf (out, "%s%s|%s|%s|%s|%s", q ? " ; " : "",
                              quote->kind == SAYWHO_QUOTE_DIRECT ? "direct" : "indirect",
                              content, quote->speaker ? quote->speaker : "_", mention, cue);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *pattern;
  const char *input;
  const char *quotes;
} QuoteCase;

static const QuoteCase cases[] = {
  /* direct quotations */
  { "inverted", "\u201cWe will go on,\u201d said spokesman Ned Pricey.",
    "direct|We will go on,|local:ned-pricey|Ned Pricey|said" },
  { "straight", "\"We will go on,\" spokesman Ned Pricey said.",
    "direct|We will go on,|local:ned-pricey|Ned Pricey|said" },
  { "single-marks", "'We will go on,' spokesman Ned Pricey said.",
    "direct|We will go on,|local:ned-pricey|Ned Pricey|said" },
  { "guillemets", "\u00abWe will go on,\u00bb spokesman Ned Pricey said.",
    "direct|We will go on,|local:ned-pricey|Ned Pricey|said" },
  { "colon", "Spokesman Ned Pricey said: \u201cWe will go on.\u201d",
    "direct|We will go on.|local:ned-pricey|Ned Pricey|said" },
  { "split", "Minister Ada Lovel arrived. \u201cWe will,\u201d she said, \u201ckeep talking.\u201d",
    "direct|We will,\u201d she said, \u201ckeep talking.|local:ada-lovel|she|said" },
  { "nested", "\u201cHe told me \u2018no\u2019 twice and left,\u201d said Minister Ada Lovel.",
    "direct|He told me \u2018no\u2019 twice and left,|local:ada-lovel|Ada Lovel|said" },
  { "multi-paragraph",
    "Minister Ada Lovel spoke at length.\n\n\u201cThe first part is done. It was hard,\u201d "
    "she said. \u201cThe second part starts now.\n\n\u201cThe third part follows.\n\n"
    "\u201cAnd that is all.\u201d\n\nThe meeting ended.",
    "direct|The first part is done. It was hard,\u201d she said. \u201cThe second part starts "
    "now.  \u201cThe third part follows.  \u201cAnd that is all.|local:ada-lovel|she|said" },
  { "unclosed", "\u201cThis never closes, said Minister Ada Lovel.\n\nThe next paragraph is "
                "plain.", "direct|This never closes,|local:ada-lovel|Ada Lovel|said" },
  { "stray-close", "Talks ended.\u201d Minister Ada Lovel said the talks would resume.",
    "indirect|the talks would resume|local:ada-lovel|Ada Lovel|said" },
  { "scare-quote", "The so-called \u201cdeal\u201d was signed on Monday.", "" },
  { "continues", "\u201cWe act now,\u201d said Minister Ada Lovel.\n\n\u201cThere is no time left "
                 "for anyone to wait and see.\u201d",
    "direct|We act now,|local:ada-lovel|Ada Lovel|said ; "
    "direct|There is no time left for anyone to wait and see.|local:ada-lovel|_|_" },
  /* reported speech */
  { "said-that", "Minister Ada Lovel said that the talks would continue.",
    "indirect|the talks would continue|local:ada-lovel|Ada Lovel|said" },
  { "said", "Minister Ada Lovel said the talks would continue.",
    "indirect|the talks would continue|local:ada-lovel|Ada Lovel|said" },
  { "inflections", "Minister Ada Lovel warns the talks could fail. She has insisted the "
                   "plan will work.",
    "indirect|the talks could fail|local:ada-lovel|Ada Lovel|warns ; "
    "indirect|the plan will work|local:ada-lovel|She|insisted" },
  { "partial", "Spokesman Ned Pricey said the talks were a \u201cfrank and open exchange\u201d on "
               "trade.",
    "indirect|the talks were a \u201cfrank and open exchange\u201d on trade|local:ned-pricey|"
    "Ned Pricey|said ; direct|frank and open exchange|local:ned-pricey|Ned Pricey|said" },
  { "according-to", "According to Minister Ada Lovel, the talks failed.",
    "indirect|the talks failed|local:ada-lovel|Ada Lovel|According to" },
  { "according-to-end", "The talks failed, according to Minister Ada Lovel.",
    "indirect|The talks failed|local:ada-lovel|Ada Lovel|according to" },
  { "quoted-as-saying", "The agency quoted Minister Ada Lovel as saying the talks would resume.",
    "indirect|the talks would resume|local:ada-lovel|Ada Lovel|quoted" },
  { "described", "\u201cA frank exchange of views\u201d was how Minister Ada Lovel described it.",
    "direct|A frank exchange of views|local:ada-lovel|Ada Lovel|described" },
  { "statement", "In a statement, the Foobar Trade Commission said the talks had ended.",
    "indirect|the talks had ended|local:foobar-trade-commission|Foobar Trade Commission|said" },
  { "report-by", "A report by the Foobar Trade Commission said exports had fallen.",
    "indirect|exports had fallen|local:foobar-trade-commission|Foobar Trade Commission|said" },
  { "report-of", "The Foobar Trade Commission's report said exports had fallen.",
    "indirect|exports had fallen|local:foobar-trade-commission|Foobar Trade Commission|said" },
  { "told", "Minister Ada Lovel told reporters the talks would resume.",
    "indirect|the talks would resume|local:ada-lovel|Ada Lovel|told" },
  { "next-sentence", "Minister Ada Lovel said the talks had failed. They would resume in May.\n\n"
                     "She left. It was late.",
    "indirect|the talks had failed. They would resume in May|local:ada-lovel|Ada Lovel|said" },
  { "inverted-reported", "The talks will resume next week, Minister Ada Lovel said.",
    "indirect|The talks will resume next week|local:ada-lovel|Ada Lovel|said" },
  /* "CLAUSE, said X.": X is the subject, not a clause of its own */
  { "inverted-reported", "The talks will resume next week, said Minister Ada Lovel.",
    "indirect|The talks will resume next week|local:ada-lovel|Ada Lovel|said" },
  { "inverted-reported", "The talks will resume next week, said the finance minister.",
    "indirect|The talks will resume next week|_|finance minister|said" },
  { "inverted-reported", "Prices will rise sharply, said Lovel.",
    "indirect|Prices will rise sharply|_|Lovel|said" },
  { "inverted-reported", "Prices will rise sharply, said Minister Ada Lovel, who leads the bank.",
    "indirect|Prices will rise sharply|local:ada-lovel|Ada Lovel|said" },
  /* but after an appositive's comma a clause is one */
  { "inverted-reported", "Ada Lovel, an economist at the bank, said prices would rise.",
    "indirect|prices would rise|local:ada-lovel|Ada Lovel|said" },
  /* a name and a description between commas before an inverted cue, in
   * either order: the name speaks, and the clause ends before both */
  { "inverted-pair", "The talks will resume in Rome, the council's envoy, Ada Lovel, said.",
    "indirect|The talks will resume in Rome|local:ada-lovel|Ada Lovel|said" },
  { "inverted-pair", "The talks will resume in Rome, Ada Lovel, the council's envoy, said.",
    "indirect|The talks will resume in Rome|local:ada-lovel|Ada Lovel|said" },
  { "inverted-pair", "The talks will resume in Rome, his spokeswoman, Ada Lovel, said.",
    "indirect|The talks will resume in Rome|local:ada-lovel|Ada Lovel|said" },
  /* (a cue right after a comma that opens the text) */
  { "inverted-pair", ", said.", "" },
  /* a title and "of" a place around the person that fills the commas */
  { "appositive-name", "The committee's top Democrat, Sen. Ada Lovel of Kenya, said the "
                       "rulings were alarming.",
    "indirect|the rulings were alarming|local:ada-lovel|Ada Lovel|said" },
  /* an attribution set off by commas inside the clause it reports */
  { "parenthetical", "Minister Ada Lovel spoke. The party, she said, had left them in ruins.",
    "indirect|The party, she said, had left them in ruins|local:ada-lovel|she|said" },
  { "parenthetical", "Ned Pricey spoke. Without them, he said, his government could not sign.",
    "indirect|Without them, he said, his government could not sign|local:ned-pricey|he|said" },
  /* but not when the attribution has a tail of its own */
  { "parenthetical", "Attendance was 298,000, organisers said, although many seats were empty.",
    "indirect|Attendance was 298,000|_|organisers|said" },
  /* a participle right after a name has that name for its subject, and
   * "and NAME PARTICIPLE" starts another report */
  { "participle-name", "Talks resumed, with Kenya saying both sides were serious and Syria "
                       "insisting it would not pull back.",
    "indirect|both sides were serious|country:KE|Kenya|saying ; "
    "indirect|it would not pull back|country:SY|Syria|insisting" },
  /* a place after a preposition opening the sentence only sets the scene */
  { "participle-name", "In Nairobi, Ada Lovel thanked the leaders but said Kenya needed the "
                       "money now.",
    "indirect|Kenya needed the money now|local:ada-lovel|Ada Lovel|said" },
  /* a short quoted phrase after a verb that puts words in the subject's
   * mouth is a quotation; "so-called" is no such verb */
  { "evaluative", "Minister Ada Lovel called the response \"cynical but predictable.\"",
    "direct|cynical but predictable.|local:ada-lovel|Ada Lovel|called" },
  { "evaluative", "The so-called \"mini budget\" passed. He called it a \"disaster\".", "" },
  /* a participle's subject is the sentence's, past an infinitive cue */
  { "participle", "Ada Lovel runs the firm. Lovel rejected suggestions that the firm had been too slow "
                  "to respond, saying it had launched two models.",
    "indirect|it had launched two models|local:ada-lovel|Lovel|saying" },
  /* a person that fills the commas after a description ending in a place */
  { "appositive-name", "Foobar's head of privacy for Kenya, Ned Pricey, said the rules changed.",
    "indirect|the rules changed|local:ned-pricey|Ned Pricey|said" },
  { "appositive", "Ned Pricey, the council's spokesman, said the talks ended.",
    "indirect|the talks ended|local:ned-pricey|Ned Pricey|said" },
  { "appositive-name", "His spokesman, Ned Pricey, said the talks ended.",
    "indirect|the talks ended|local:ned-pricey|Ned Pricey|said" },
  { "appositive-role", "The council's foreign policy chief, Ada Lovel, told reporters the "
                       "talks ended.",
    "indirect|the talks ended|local:ada-lovel|Ada Lovel|told" },
  { "appositive-long", "Ned Pricey, a researcher at the Foobar Institute in Lagos, Nigeria, "
                       "said the trial worked.",
    "indirect|the trial worked|local:ned-pricey|Ned Pricey|said" },
  { "participle", "The Foobar Trade Commission cut its forecast on Monday, saying exports "
                  "had fallen.",
    "indirect|exports had fallen|local:foobar-trade-commission|Foobar Trade Commission|saying" },
  /* but not when the second quotation's sentence has a cue of its own */
  { "split-sentences", "\u201cThe vote went against us,\u201d said Ned Pricey, an analyst. The "
                       "result, he said, showed that voters \u201cstill prefer two parties.\u201d",
    "direct|The vote went against us,|local:ned-pricey|Ned Pricey|said ; "
    "indirect|The result, he said, showed that voters \u201cstill prefer two parties.\u201d|"
    "local:ned-pricey|he|said ; "
    "direct|still prefer two parties.|local:ned-pricey|he|said" },
  /* (a first part that ends in a nested quotation's closing mark) */
  { "split-sentences", "\u201cI thought, \u2018Now or never,\u2019\u201d Ned Pricey told "
                       "reporters. \u201cThis is the game we dream about.\u201d",
    "direct|I thought, \u2018Now or never,\u2019\u201d Ned Pricey told reporters. "
    "\u201cThis is the game we dream about.|local:ned-pricey|Ned Pricey|told" },
  { "split-sentences", "\"We will go on,\" said Ned Pricey, head of research at the Foobar "
                      "Institute. \"Talks will resume.\"",
    "direct|We will go on,\" said Ned Pricey, head of research at the Foobar Institute. "
    "\"Talks will resume.|local:ned-pricey|Ned Pricey|said" },
  /* a participle after a quoted phrase: the clause's subject, for the
   * phrase and for the clause the participle reports */
  { "participle-after-quote", "The Foobar Trade Ministry dismissed the claims as \u201cpure "
                              "fiction,\u201d saying Norway had offered no proof that the ships "
                              "were armed.",
    "direct|pure fiction,|local:foobar-trade-ministry|Foobar Trade Ministry|saying ; "
    "indirect|Norway had offered no proof that the ships were armed|"
    "local:foobar-trade-ministry|Foobar Trade Ministry|saying" },
  /* two verbs of one subject: "but said", "and added that" */
  { "but-said", "Lagos-based Foobar Airways did not order new jets but said it was in talks "
                "with two makers.",
    "indirect|it was in talks with two makers|local:foobar-airways|Foobar Airways|said" },
  { "and-added", "Minister Ada Lovel said exports fell and added that imports rose.",
    "indirect|exports fell|local:ada-lovel|Ada Lovel|said ; "
    "indirect|imports rose|local:ada-lovel|Ada Lovel|added" },
  { "but-warned", "Its secretary general, Ned Pricey, said the fine was \"a turning point for "
                  "the sector\" but warned that the money would not help firms.",
    "indirect|the fine was \"a turning point for the sector\"|local:ned-pricey|Ned Pricey|said ; "
    "direct|a turning point for the sector|local:ned-pricey|Ned Pricey|said ; "
    "indirect|the money would not help firms|local:ned-pricey|Ned Pricey|warned" },
  { "but-added-after-quoted-cue", "Ada Lovel said the cuts were a \"welcome step\" but added "
                                  "that their effect would take time.",
    "indirect|the cuts were a \"welcome step\"|local:ada-lovel|Ada Lovel|said ; "
    "direct|welcome step|local:ada-lovel|Ada Lovel|said ; "
    "indirect|their effect would take time|local:ada-lovel|Ada Lovel|added" },
  /* after a quoted phrase, "and" + a verb in the past is the speaker's
   * next act; without one, the clause's */
  { "and-verb-after-quote", "Speaker Ada Lovel said the bill was \"clean and simple\" and "
                            "challenged the others to explain their votes.",
    "indirect|the bill was \"clean and simple\"|local:ada-lovel|Ada Lovel|said ; "
    "direct|clean and simple|local:ada-lovel|Ada Lovel|said" },
  { "and-verb-in-clause", "Speaker Ada Lovel said the plan was sound and expected others to "
                          "follow.",
    "indirect|the plan was sound and expected others to follow|local:ada-lovel|Ada Lovel|said" },
  { "told-conference", "Minister Ada Lovel told a news conference in Lagos on Monday.", "" },
  /* the owner's name is no subject: the name it owns is */
  { "possessive-subject", "Norway\u2019s Foobar Trade Ministry cut its forecast and said "
                          "exports would fall.",
    "indirect|exports would fall|local:foobar-trade-ministry|Foobar Trade Ministry|said" },
  /* "who" after a name, "of" a place, a title before an appositive */
  { "relative-who", "The talks were led by Deputy Secretary Ada Lovel, who told reporters that "
                    "Norway remained committed to the pact.",
    "indirect|Norway remained committed to the pact|local:ada-lovel|Ada Lovel|told" },
  { "person-of-place", "Senate leader Ada Lovel of Ohio said her caucus would not vote for it.",
    "indirect|her caucus would not vote for it|local:ada-lovel|Ada Lovel|said" },
  { "title-appositive", "Sen. Ada Lovel, a Maine Republican who has criticized both parties over "
                        "the standoff, said she was tired.",
    "indirect|she was tired|local:ada-lovel|Ada Lovel|said" },
  { "person-of-body", "Ned Pricey of the Foobar Institute said rates would rise.",
    "indirect|rates would rise|local:ned-pricey|Ned Pricey|said" },
  /* a quotation that ends its sentence is not attributed by the next
   * sentence's cue when that cue reports a clause of its own */
  { "next-sentence-reports", "The envoy, Ada Lovel, told the council that the people had been "
                             "\u201cstarved.\u201d She said the convoys must pass.",
    "indirect|the people had been \u201cstarved.\u201d|local:ada-lovel|Ada Lovel|told ; "
    "direct|starved.|local:ada-lovel|Ada Lovel|told ; "
    "indirect|the convoys must pass|local:ada-lovel|She|said" },
  /* ", and" before another speaker's cue ends the first report */
  { "and-another-speaker", "Scientists say the monsoon is changing, and the charity Foobar Relief "
                           "said poor countries were paying.",
    "indirect|the monsoon is changing|_|Scientists|say ; "
    "indirect|poor countries were paying|local:foobar-relief|Foobar Relief|said" },
  /* inverted reported speech with words after the cue */
  /* a bare clause after a time or a statement phrase */
  { "time-phrase", "Ada Lovel said on Tuesday she would resign. Ned Pricey said last week "
                   "he was confident. The Foobar Trade Commission said in a statement it would "
                   "appeal.",
    "indirect|she would resign|local:ada-lovel|Ada Lovel|said ; "
    "indirect|he was confident|local:ned-pricey|Ned Pricey|said ; "
    "indirect|it would appeal|local:foobar-trade-commission|Foobar Trade Commission|said" },
  { "time-phrase", "Officials said last week was the worst.", "" },
  { "approximate-number", "Ada Lovel said about 14,000 cars were stranded and only one in three "
                          "trains ran.",
    "indirect|about 14,000 cars were stranded and only one in three trains ran|local:ada-lovel|"
    "Ada Lovel|said" },
  /* a name that ends in 's */
  { "name-with-s", "Moody's said in a note on Monday that the rating was stable.",
    "indirect|the rating was stable|company:moodys|Moody's|said" },
  /* a quotation inside a sentence with no speech cue: its subject's */
  { "subject-quote", "Foobar Party lawmaker Ada Lovel described the budget as \"an attack on "
                     "the working class.\"",
    "direct|an attack on the working class.|local:ada-lovel|Ada Lovel|described" },
  { "subject-quote", "Sen. Ada Lovel of the Foobar Party called the bill \"the final nail in "
                     "the coffin\" and left.",
    "direct|the final nail in the coffin|local:ada-lovel|Ada Lovel|called" },
  /* "…," X said, adding that … "…": a partial quotation, not a split one */
  { "adding-that", "\"There is no discrimination,\" the Foobar Trade Ministry said, adding that "
                   "licences were processed \"within the deadlines set by law.\"",
    "direct|There is no discrimination,|local:foobar-trade-ministry|Foobar Trade Ministry|said ; "
    "indirect|licences were processed \"within the deadlines set by law.\"|"
    "local:foobar-trade-ministry|Foobar Trade Ministry|adding ; "
    "direct|within the deadlines set by law.|local:foobar-trade-ministry|Foobar Trade Ministry|"
    "adding" },
  /* "…, while X said …": two speakers in one sentence; but "open to
   * adding" is no new speaker's cue */
  { "while-clause", "The Foobar Rail Company said only one in three trains ran, while the "
                    "Foobar Transit Authority said four lines were closed.",
    "indirect|only one in three trains ran|local:foobar-rail-company|Foobar Rail Company|said ; "
    "indirect|four lines were closed|local:foobar-transit-authority|Foobar Transit Authority|"
    "said" },
  { "while-clause", "Ada Lovel said Russia favoured a small rise, while Brazil had been open to "
                    "adding more.",
    "indirect|Russia favoured a small rise, while Brazil had been open to adding more|"
    "local:ada-lovel|Ada Lovel|said" },
  /* a participle after "X said,": X's */
  { "said-adding", "The Foobar Trade Ministry met. \"There is no discrimination,\" the ministry "
                   "said, adding that licences were processed on time.",
    "direct|There is no discrimination,|local:foobar-trade-ministry|ministry|said ; "
    "indirect|licences were processed on time|local:foobar-trade-ministry|ministry|adding" },
  /* questions, and repeated positions */
  { "asked", "Ada Lovel spoke. \"How does a company with no ships win?\" Ned Pricey asked.",
    "direct|How does a company with no ships win?|local:ned-pricey|Ned Pricey|asked" },
  { "repeated", "Minister Ada Lovel repeated that the border would stay shut, according to a "
                "government spokesman.",
    "indirect|the border would stay shut|local:ada-lovel|Ada Lovel|repeated" },
  /* past a nationality and a title after an inverted cue */
  { "inverted-title", "\"We won the vote today,\" said Philippine Foreign Secretary Ada Lovel.",
    "direct|We won the vote today,|local:ada-lovel|Ada Lovel|said" },
  /* a cue that introduces a quotation past a place */
  { "colon-place", "Minister Ada Lovel told reporters in Doha: \"We are closer than before.\"",
    "direct|We are closer than before.|local:ada-lovel|Ada Lovel|told" },
  /* "that" further on after a phrase with no verb, not after a clause */
  { "that-far", "Governor Ada Lovel told reporters after a two-day meeting of the board that "
                "rates would hold.",
    "indirect|rates would hold|local:ada-lovel|Ada Lovel|told" },
  { "that-far", "Ada Lovel said the decision vindicated its long-held position that the cases "
                "were political.",
    "indirect|the decision vindicated its long-held position that the cases were political|"
    "local:ada-lovel|Ada Lovel|said" },
  /* more nominal speakers */
  { "nominal-forum", "The Foobar Families Forum met. \"Every day counts for us,\" the forum said.",
    "direct|Every day counts for us,|local:foobar-families-forum|forum|said" },
  /* according to a name's possession, and past an appositive */
  { "according-owned", "According to Spain's Foobar Ministry, 31,000 migrants arrived.",
    "indirect|31,000 migrants arrived|local:foobar-ministry|Foobar Ministry|According to" },
  { "according-appositive", "According to the Foobar Prisoners' Club, an advocacy group, 9,000 "
                            "people are held.",
    "indirect|9,000 people are held|local:foobar-prisoners-club|Foobar Prisoners' Club|"
    "According to" },
  /* a description, then the name with "of" and a place */
  { "appositive-of", "The committee's chairman, Rep. Ada Lovel of Missouri, said in a statement "
                     "that the hearing went well.",
    "indirect|the hearing went well|local:ada-lovel|Ada Lovel|said" },
  /* an uncued quotation: the subject of the nearest verb before it; a
   * quotation a next sentence leads into is that sentence's */
  { "subject-quote-nearest", "Ned Pricey spoke, while the group Foobarica called the judge "
                             "\"an extremist in a black robe.\" Ada Lovel described the budget "
                             "as \"an attack on the working class.\"",
    "direct|an extremist in a black robe.|local:foobarica|Foobarica|called ; "
    "direct|an attack on the working class.|local:ada-lovel|Ada Lovel|described" },
  /* an inverted report followed by a subordinate clause */
  { "inverted-though", "A court suspended the sentence, his lawyer Ada Lovel said, though the "
                       "appeal goes on.",
    "indirect|A court suspended the sentence|local:ada-lovel|Ada Lovel|said" },
  /* an inverted report's subject may be a long name with its acronym */
  { "inverted-acronym", "Oil theft fell by a third this year, the Foobar Upstream Petroleum "
                        "Regulatory Commission (FUPRC) said on Wednesday.",
    "indirect|Oil theft fell by a third this year|"
    "local:foobar-upstream-petroleum-regulatory-commission|"
    "Foobar Upstream Petroleum Regulatory Commission|said" },
  /* a description, then a ranked name as its appositive */
  { "appositive-rank", "A navy spokesman, Commodore Ned Pricey, said patrols had resumed.",
    "indirect|patrols had resumed|local:ned-pricey|Ned Pricey|said" },
  /* the name after a quotation, with a long appositive before the cue */
  { "inverted-appositive", "\"Cases are rising fast,\" Ada Lovel, the Foobar Union's director "
                           "of epidemic response, told journalists.",
    "direct|Cases are rising fast,|local:ada-lovel|Ada Lovel|told" },
  /* "speed" is no past form: the clause goes on after "and" */
  { "and-base-verb", "Ada Lovel said the reform would \"clean up\" the courts and speed up "
                     "trials.",
    "indirect|the reform would \"clean up\" the courts and speed up trials|local:ada-lovel|"
    "Ada Lovel|said ; direct|clean up|local:ada-lovel|Ada Lovel|said" },
  /* two partial quotations of a paragraph are no split quotation */
  { "two-partials", "Ada Lovel said it would \"clean up\" the courts. Ned Pricey said it was "
                    "\"a mess for all\" today.",
    "indirect|it would \"clean up\" the courts|local:ada-lovel|Ada Lovel|said ; "
    "direct|clean up|local:ada-lovel|Ada Lovel|said ; "
    "indirect|it was \"a mess for all\" today|local:ned-pricey|Ned Pricey|said ; "
    "direct|a mess for all|local:ned-pricey|Ned Pricey|said" },
  { "inverted-tail", "The fire doubled in size overnight, Ada Lovel said in an update.",
    "indirect|The fire doubled in size overnight|local:ada-lovel|Ada Lovel|said" },
  { "inverted-tail", "The strike began at the shift change, union president Ned Pricey told "
                     "Reuters by telephone from Calama, the nearest city.",
    "indirect|The strike began at the shift change|local:ned-pricey|Ned Pricey|told" },
  { "no-determiner", "Asked about the report, a senior official said no decision had been made.",
    "indirect|no decision had been made|_|senior official|said" },
  /* a relative clause's report ends where the sentence's verb comes */
  { "relative-then-verb", "President Ada Lovel, who has long argued that poverty drives "
                          "violence, told reporters that the talks had been \u201cvery "
                          "good.\u201d He said the sides had agreed.",
    "indirect|poverty drives violence|local:ada-lovel|Ada Lovel|argued ; "
    "indirect|the talks had been \u201cvery good.\u201d|local:ada-lovel|Ada Lovel|told ; "
    "direct|very good.|local:ada-lovel|Ada Lovel|told ; "
    "indirect|the sides had agreed|local:ada-lovel|He|said" },
  /* a name before a person noun describes the person, who is named
   * before or not at all */
  { "name-modifies-person", "Minister Ada Lovel spoke. \u201cWe will stay,\u201d the NATO "
                            "envoy said.",
    "direct|We will stay,|local:ada-lovel|NATO envoy|said" },
  { "name-modifies-person", "A NATO official said talks were over.",
    "indirect|talks were over|_|NATO official|said" },
  { "group-unnamed", "The ministers discussed a proposal, two Foobar Union diplomats said.",
    "indirect|The ministers discussed a proposal|_|Foobar Union diplomats|said" },
  { "modifier-place", "\u201cRates will rise,\u201d said one Lagos-based economist at a bank.",
    "direct|Rates will rise,|_|_|said" },
  { "relative-clause", "\u201cThe channels are open,\u201d said a senior diplomat who "
                      "accompanied Minister Ada Lovel.",
    "direct|The channels are open,|_|senior diplomat|said" },
  { "verb-that", "Minister Ada Lovel denied any involvement. She denied that she knew.",
    "indirect|she knew|local:ada-lovel|She|denied" },
  /* speakers behind pronouns and nouns */
  { "pronoun-he", "Spokesman Ned Pricey arrived late. He said the talks had ended.",
    "indirect|the talks had ended|local:ned-pricey|He|said" },
  { "pronoun-new-subject", "\u201cWe will appeal,\u201d said Ned Pricey. The founder of the firm, "
                          "Ada Lovel, pleaded guilty. She told the court the firm had lied.",
    "direct|We will appeal,|local:ned-pricey|Ned Pricey|said ; "
    "indirect|the firm had lied|local:ada-lovel|She|told" },
  /* "she" after a quotation whose speaker is named after its start */
  { "pronoun-after-inverted", "\u201cPrices will fall,\u201d said Ada Lovel, head of research "
                              "at a bank in Lagos. \u201cThey want calm.\u201d\n\n"
                              "She said demand was weak.",
    "direct|Prices will fall,\u201d said Ada Lovel, head of research at a bank in Lagos. "
    "\u201cThey want calm.|local:ada-lovel|Ada Lovel|said ; "
    "indirect|demand was weak|local:ada-lovel|She|said" },
  { "pronoun-after-split", "Ned Pricey spoke first.\n\n\"Rates must rise,\" Minister Ada Lovel "
                           "told reporters. \"We have no choice.\"\n\nShe said the bank agreed.",
    "direct|Rates must rise,\" Minister Ada Lovel told reporters. \"We have no choice.|"
    "local:ada-lovel|Ada Lovel|told ; indirect|the bank agreed|local:ada-lovel|She|said" },
  /* "it" walks back over a news outlet, which stands for no speaker
   * (this crashed: the walk compared the outlet's name with no noun) */
  /* "her office said" is hers, as "Lovel's office said" is Lovel's */
  { "pronoun-office", "Minister Ada Lovel did not appear. Her office said she would speak on "
                      "Monday.",
    "indirect|she would speak on Monday|local:ada-lovel|office|said" },
  /* "it" opening a sentence: the organization that opened the one before,
   * over one named after it */
  { "pronoun-it-subject", "The Foobar Trade Commission fined the Barfoo Cloud Company on Monday. "
                          "It said the practice had cost buyers dearly.",
    "indirect|the practice had cost buyers dearly|local:foobar-trade-commission|It|said" },
  { "pronoun-it-outlet", "Reuters reported the deal first. \"We act now,\" it said.",
    "direct|We act now,|_|it|said" },
  /* "he" or "she" skips a person the text gives the other gender */
  { "pronoun-gender", "Ada Lovel wrote that she would resign. Ned Pricey praised Lovel in a "
                      "brief reply. \"We will miss her work,\" he wrote.",
    "indirect|she would resign|local:ada-lovel|Ada Lovel|wrote ; "
    "direct|We will miss her work,|local:ned-pricey|he|wrote" },
  { "pronoun-gender", "Ned Pricey met Ms. Lovel on Monday. \"It went well for us,\" he said.",
    "direct|It went well for us,|local:ned-pricey|he|said" },
  { "pronoun-it", "The Foobar Trade Commission met. \u201cWe act now,\u201d it said.",
    "direct|We act now,|local:foobar-trade-commission|it|said" },
  { "nominal", "The Foobar Trade Ministry met on Monday. The ministry said exports fell.",
    "indirect|exports fell|local:foobar-trade-ministry|ministry|said" },
  /* a noun that an appositive gave a name earlier stands for it; else
   * the subject that opens the sentence before over an object */
  { "nominal-appositive", "The Foobar Forces, a paramilitary group, took the town. The Foobar "
                          "Army held the hills. The paramilitary group said it would stay.",
    "indirect|it would stay|local:foobar-forces|paramilitary group|said" },
  { "nominal-subject", "The Foobar Forces have been fighting the Foobar Army since April. In a "
                       "statement, the paramilitary group said it welcomed the truce.",
    "indirect|it welcomed the truce|local:foobar-forces|paramilitary group|said" },
  /* a news outlet or a company is no stand-in for "the committee" */
  { "nominal-body", "Economists polled by Reuters expected the move. The committee said "
                    "rates would rise.",
    "indirect|rates would rise|_|committee|said" },
  { "nominal-company", "The Foobar Steel Company cut jobs. Economists polled by Reuters had "
                       "expected it. The company said demand was weak.",
    "indirect|demand was weak|local:foobar-steel-company|company|said" },
  { "nominal-modifiers", "The Foobar Monetary Fund met on Monday. In its report, the "
                         "Washington-based lender projected that growth would pick up.",
    "indirect|growth would pick up|local:foobar-monetary-fund|lender|projected" },
  /* a business noun passes over public bodies to the company */
  { "nominal-business", "The Foobar Power Company shut a plant. The Foobar Safety Authority "
                        "said readings were normal. Homes lost power, the utility said.",
    "indirect|readings were normal|local:foobar-safety-authority|Foobar Safety Authority|said ; "
    "indirect|Homes lost power|local:foobar-power-company|utility|said" },
  { "indefinite", "An official said exports fell.", "indirect|exports fell|_|official|said" },
  /* an unnamed spokesperson speaks for the organization just named, of
   * the class a modifier gives */
  { "spokesperson", "The Foobar Steel Company cut jobs. \u201cDemand is weak,\u201d a "
                    "spokesperson said.",
    "direct|Demand is weak,|local:foobar-steel-company|spokesperson|said" },
  { "spokesperson", "The Foobar Trade Ministry met. The Foobar Steel Company cut jobs. A ministry "
                    "spokesman said exports fell.",
    "indirect|exports fell|local:foobar-trade-ministry|ministry spokesman|said" },
  { "spokesperson", "The Foobar Steel Company cut jobs. Demand fell in May. Prices fell in June. "
                    "Rates rose in July. A spokesman said exports fell.",
    "indirect|exports fell|_|spokesman|said" },
  { "nominal-modified", "Coach Ruud Gullit spoke. \u201cWe had our chances,\u201d the "
                        "Dutch coach said.",
    "direct|We had our chances,|local:ruud-gullit|Dutch coach|said" },
  { "government-data", "Exports fell, according to Brazilian government data.",
    "indirect|Exports fell|country:BR|Brazilian government data|according to" },
  { "unnamed-source", "A source close to the Foobar Trade Ministry said talks had stalled.",
    "indirect|talks had stalled|_|source|said" },
  /* "the official" after "an official" is that unnamed one */
  { "nominal-unnamed", "Minister Ada Lovel left. An official familiar with the talks said "
                       "they went well. \"Nobody wants a fight,\" the official said.",
    "indirect|they went well|_|official|said ; direct|Nobody wants a fight,|_|official|said" },
  { "government", "According to the Chinese government, exports fell.",
    "indirect|exports fell|country:CN|Chinese government|According to" },
  { "demonym-person", "Coach Ruud Gullit spoke. \u201cWe had our chances today,\u201d the "
                      "Dutchman said.",
    "direct|We had our chances today,|local:ruud-gullit|Dutchman|said" },
  { "no-speech", "Minister Ada Lovel welcomed the deal and urged others to act.", "" },
};

static void
test_case (gconstpointer data)
{
  const QuoteCase *c = data;
  g_autoptr (SaywhoDocument) doc = test_annotate (c->input);
  g_autofree char *got = describe (doc);
  g_assert_cmpstr (got, ==, c->quotes);
}

/* A stray mark never swallows the article: 10,000 paragraphs after an
 * unclosed quotation stay outside it. */
static void
test_no_runaway (void)
{
  GString *text = g_string_new ("\u201cThis quotation is never closed, said Minister Ada Lovel\n\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "Paragraph %u holds plain words.\n\n", i);
  g_autoptr (SaywhoDocument) doc = test_annotate (text->str);
  g_string_free (text, TRUE);
  g_assert_cmpuint (doc->paragraphs->len, ==, 10001);
  g_assert_cmpuint (doc->quotes->len, ==, 1);
  const SaywhoQuote *q = &g_array_index (doc->quotes, SaywhoQuote, 0);
  g_assert_cmpuint (saywho_document_token (doc, q->span.end - 1)->paragraph, ==, 0);
}

/* Quotation spans are inside the document and sorted; every speaker is the
 * id of an entity of the document. */
static void
test_invariants (void)
{
  g_autofree char *path = test_source_path ("corpus", "asia", "us-china-cyber-dialogue.txt",
                                            NULL);
  g_autoptr (SaywhoDocument) doc = saywho_document_new_take ("x", path, NULL, 0);
  g_autoptr (GError) error = NULL;
  g_assert_true (saywho_document_load (doc, &error));
  g_assert_true (saywho_worker_process (test_worker (), doc, &error));
  g_assert_cmpuint (doc->quotes->len, >, 10);
  guint previous = 0;
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      g_assert_cmpuint (quote->span.start, >=, previous);
      g_assert_cmpuint (quote->span.end, >, quote->span.start);
      g_assert_cmpuint (quote->span.end, <=, doc->tokens->len);
      previous = quote->span.start;
      if (quote->speaker == NULL)
        continue;
      gboolean known = FALSE;
      for (guint k = 0; k < doc->entities->len && !known; k++)
        known = g_strcmp0 (g_array_index (doc->entities, SaywhoEntity, k).id, quote->speaker) == 0;
      g_assert_true (known);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quotes/%s/%u", cases[i].pattern, i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/quotes/no-runaway", test_no_runaway);
  g_test_add_func ("/quotes/invariants", test_invariants);
  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
