package herald.answer;

import herald.index.PassageAnalysis;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each refusal rule on a near miss it must refuse and on a real answer it must let through. */
class RefusalRuleTest {

    private static final Set<String> FRAMING = terms("what when where who why how which is are was were did does do "
            + "say said says many much article mention");
    private static final LocalDate JUNE_17 = LocalDate.of(2024, 6, 17);

    private static Set<String> terms(String text) {
        return PassageAnalysis.terms(text);
    }

    private static QuoteEvidence evidence(String question, String sentence, String passage, LocalDate published) {
        return new QuoteEvidence(question, question, sentence, passage, published, 0.7, RefusalRuleTest::terms, FRAMING);
    }


    private static QuoteEvidence evidence(String question, String sentence) {
        return evidence(question, sentence, sentence, JUNE_17);
    }

    @Test
    void focusWordsInPassageRefusesWhatNoPassageMentions() {
        assertTrue(RefusalRule.FOCUS_WORDS_IN_PASSAGE.refuses(evidence("What is the population of Hanoi?",
                "US President Joe Biden arrived in Hanoi on Sunday afternoon for a two-day visit.")));
        assertFalse(RefusalRule.FOCUS_WORDS_IN_PASSAGE.refuses(evidence("How did Vietnam's foreign ministry react to the request for comment?",
                "However, Vietnam's foreign ministry did not respond to a request for comment.")));
    }

    @Test
    void focusWordsInSentenceRefusesASentenceNextToTheAnswerRatherThanHoldingIt() {
        String passage = "Kim Jong Un met Vladimir Putin on Wednesday at the Vostochny Cosmodrome, their first summit since "
                + "they held talks in Vladivostok in April 2019. Kim arrived in Russia on Tuesday aboard his armoured green train.";
        assertTrue(RefusalRule.FOCUS_WORDS_IN_SENTENCE.refuses(evidence("When did Kim Jong Un's armoured train arrive in Vladivostok?",
                "Kim Jong Un met Vladimir Putin on Wednesday at the Vostochny Cosmodrome, their first summit since they held talks "
                        + "in Vladivostok in April 2019.", passage, JUNE_17)));
        assertFalse(RefusalRule.FOCUS_WORDS_IN_SENTENCE.refuses(evidence("When did Kim Jong Un's armoured train arrive in Russia?",
                "Kim arrived in Russia on Tuesday aboard his armoured green train.", passage, JUNE_17)));
    }

    @Test
    void namesInDateOrPersonSentenceRefusesADateOrNameAboutSomeoneElse() {
        assertTrue(RefusalRule.NAMES_IN_DATE_OR_PERSON_SENTENCE.refuses(evidence("When did Xi Jinping last travel to Russia?",
                "Putin last visited China in October 2023, when he attended the Belt and Road Forum in Beijing.")));
        assertTrue(RefusalRule.NAMES_IN_DATE_OR_PERSON_SENTENCE.refuses(evidence("Who is Kazakhstan's prime minister?",
                "Prime Minister Nikol Pashinyan froze his country's participation in the bloc earlier this year.")));
        assertTrue(RefusalRule.NAMES_IN_DATE_OR_PERSON_SENTENCE.refuses(evidence("How many Vietnamese nationals live in South Korea?",
                "About 570,000 Vietnamese nationals live in Japan, many of them technical trainees.")));
        assertFalse(RefusalRule.NAMES_IN_DATE_OR_PERSON_SENTENCE.refuses(evidence("When did Putin last visit China?",
                "Putin last visited China in October 2023, when he attended the Belt and Road Forum in Beijing.")));
        // a sentence that names no one leaves the subject to its passage
        assertFalse(RefusalRule.NAMES_IN_DATE_OR_PERSON_SENTENCE.refuses(evidence(
                "How much foreign direct investment was disbursed in Vietnam in the first half of 2024?",
                "Disbursed foreign direct investment reached $10.84 billion in the first half, up 8.2 percent.")));
    }

    @Test
    void yearInPassageRefusesAYearThePassageDoesNotSpeakOf() {
        LocalDate june29 = LocalDate.of(2024, 6, 29);
        String growth = "For the first half of the year, gross domestic product expanded 6.42 percent, putting the government "
                + "within reach of its full-year target of 6 to 6.5 percent growth.";
        assertTrue(RefusalRule.YEAR_IN_PASSAGE.refuses(evidence("What is Vietnam's growth target for 2025?", growth, growth, june29)));
        // the article's own year, and the year it calls "last year", are spoken of without being written
        assertFalse(RefusalRule.YEAR_IN_PASSAGE.refuses(evidence("What is Vietnam's growth target for 2024?", growth, growth, june29)));
        String trade = "Trade between the two countries was about $3.6 billion last year.";
        assertFalse(RefusalRule.YEAR_IN_PASSAGE.refuses(evidence("What was Russia and Vietnam's trade in 2023?", trade, trade, june29)));
        assertTrue(RefusalRule.YEAR_IN_PASSAGE.refuses(evidence("What was Russia and Vietnam's trade in 2022?", trade, trade, june29)));
    }

    @Test
    void namesInPassageRefusesAPassageAboutSomeoneElse() {
        String russiaTrade = "Putin, To Lam Sign 11 Agreements in Hanoi\nTrade between the two countries was about $3.6 billion last year.";
        assertTrue(RefusalRule.NAMES_IN_PASSAGE.refuses(evidence("What was the value of trade between Japan and Vietnam last year?",
                "Trade between the two countries was about $3.6 billion last year.", russiaTrade, JUNE_17)));
        // "Vietnamese" officials are Vietnam's, "Russian" ones Russia's
        assertFalse(RefusalRule.NAMES_IN_PASSAGE.refuses(evidence("What did Vietnam say about Russia?",
                "Vietnamese officials stressed their friendship.", "Vietnamese officials stressed their friendship with Russian leaders.", JUNE_17)));
    }

    @Test
    void countBesideCountedNounWantsTheCountNextToWhatIsCounted() {
        assertFalse(RefusalRule.COUNT_BESIDE_COUNTED_NOUN.refuses(evidence("How many business leaders travel with Yoon to Vietnam?",
                "Some 205 business leaders, including executives from Samsung Electronics, will join the trip.")));
        // a model number, an ordinal and a year are not counts
        assertTrue(RefusalRule.COUNT_BESIDE_COUNTED_NOUN.refuses(evidence(
                "How many Su-35 fighter jets does the Komsomolsk-on-Amur plant build each year?",
                "Kim was expected to travel to Komsomolsk-on-Amur, where a plant produces Su-35 fighter jets.")));
        assertTrue(RefusalRule.COUNT_BESIDE_COUNTED_NOUN.refuses(evidence("How many soldiers died in the Battle of Khalkhin Gol?",
                "The trip is timed to mark the 85th anniversary of the Battle of Khalkhin Gol, where Soviet troops fought in 1939.")));
        assertTrue(RefusalRule.COUNT_BESIDE_COUNTED_NOUN.refuses(evidence("How many delegations attended the Belt and Road Forum?",
                "Putin last visited China in October 2023, when he attended the Belt and Road Forum in Beijing.")));
    }

    @Test
    void amountForHowMuchWantsMoneyOrAShareNotAYear() {
        assertTrue(RefusalRule.AMOUNT_FOR_HOW_MUCH.refuses(evidence("How much did the Vostochny cosmodrome cost to build?",
                "Kim Jong Un met Putin at the Vostochny Cosmodrome, their first summit since April 2019.")));
        assertFalse(RefusalRule.AMOUNT_FOR_HOW_MUCH.refuses(evidence("How much did last summer's blackouts cost the economy?",
                "Blackouts in northern Vietnam last summer cost the economy an estimated $1.4 billion.")));
        assertFalse(RefusalRule.AMOUNT_FOR_HOW_MUCH.refuses(evidence("How much did Japan pledge for coast guard equipment?",
                "Japan also pledged 4 billion yen for coast guard equipment.")));
    }

    @Test
    void dateForWhenWantsADayNotAVagueTime() {
        assertTrue(RefusalRule.DATE_FOR_WHEN.refuses(evidence("When did Kim Jong Un last visit Vietnam?",
                "Kim Jong Un extended the invitation to Putin during his visit to Russia's Far East last September.")));
        assertFalse(RefusalRule.DATE_FOR_WHEN.refuses(evidence("When does Putin visit Vietnam?",
                "Following his visit to North Korea, Putin will travel to Vietnam on June 19-20, according to the Kremlin.")));
        assertFalse(RefusalRule.DATE_FOR_WHEN.refuses(evidence("When did Putin land in Hanoi?",
                "Putin landed at Noi Bai International Airport shortly before midnight.")));
    }

    @Test
    void futureQuestionPastDateRefusesAnEarlierVisitForANextOne() {
        LocalDate april28 = LocalDate.of(2025, 4, 28);
        String arrived = "Ishiba arrived in Hanoi on Sunday, April 27, on his first trip to Vietnam.";
        assertTrue(RefusalRule.FUTURE_QUESTION_PAST_DATE.refuses(evidence("When will Ishiba next visit Vietnam?", arrived, arrived, april28)));
        assertFalse(RefusalRule.FUTURE_QUESTION_PAST_DATE.refuses(evidence("When did Ishiba arrive in Vietnam?", arrived, arrived, april28)));
        assertFalse(RefusalRule.FUTURE_QUESTION_PAST_DATE.refuses(evidence("When will Putin visit Vietnam?",
                "Putin will travel to Vietnam on June 19-20.")));
    }

    @Test
    void durationForHowLongWantsADuration() {
        assertTrue(RefusalRule.DURATION_FOR_HOW_LONG.refuses(evidence("How long did Putin's talks with Xi in Beijing last?",
                "Putin last visited China in October 2023, when he attended the Belt and Road Forum in Beijing.")));
        assertFalse(RefusalRule.DURATION_FOR_HOW_LONG.refuses(evidence("How long did the talks at the spaceport last?",
                "Formal talks between the two delegations, followed by a one-on-one meeting, lasted more than four hours.")));
        // "how long has it been since" asks for a date
        assertFalse(RefusalRule.DURATION_FOR_HOW_LONG.refuses(evidence("How long has it been since Putin was last in Pyongyang?",
                "This visit will be Putin's first to Pyongyang since July 2000.")));
    }

    @Test
    void personForWhoWantsSomeoneTheQuestionDoesNotAlreadyName() {
        assertFalse(RefusalRule.PERSON_FOR_WHO.refuses(evidence("Who did Biden meet right after landing?",
                "Shortly after landing, Biden held talks with Nguyen Phu Trong, general secretary of the party.")));
        assertFalse(RefusalRule.PERSON_FOR_WHO.refuses(evidence("Whom did Hanoi send to the BRICS gathering in Russia?",
                "Vietnam decided to send its deputy foreign minister to a BRICS meeting in Russia.")));
        assertTrue(RefusalRule.PERSON_FOR_WHO.refuses(evidence("Who asked Putin to come to Pyongyang?",
                "Putin will come to Pyongyang this month.")));
    }

    @Test
    void speakerSpeaksWantsTheAskedPersonsOwnWords() {
        assertTrue(RefusalRule.SPEAKER_SPEAKS.refuses(evidence("What did To Lam say about the US State Department's concerns?",
                "The US State Department said it had \"serious concerns\" about Hanoi hosting Putin.")));
        assertTrue(RefusalRule.SPEAKER_SPEAKS.refuses(evidence("What did the Japanese prime minister say about Putin's trip?",
                "Japanese Prime Minister Shigeru Ishiba wrapped up a two-day official visit to Vietnam on Monday.")));
        assertFalse(RefusalRule.SPEAKER_SPEAKS.refuses(evidence("What did To Lam say about Russia?",
                "\"Vietnam always attaches importance to its traditional friendship with Russia,\" To Lam said.")));
    }

    @Test
    void valueOfAskedNameRefusesACountSaidOfAnotherPlaceInASentenceNamingTheAskedOne() {
        String passage = "Putin arrived in Mongolia on Monday. Mongolia, a landlocked country of 3.4 million people, has its "
                + "capital in Ulaanbaatar.";
        assertTrue(RefusalRule.VALUE_OF_ASKED_NAME.refuses(evidence("How many people live in Ulaanbaatar?",
                "Mongolia, a landlocked country of 3.4 million people, has its capital in Ulaanbaatar.", passage, JUNE_17)));
        // "where …" describes the city before it; a clause naming no one and describing nothing decides nothing
        assertFalse(RefusalRule.VALUE_OF_ASKED_NAME.refuses(evidence("How many people live in Ulaanbaatar?",
                "Ulaanbaatar, where 1.6 million people live, is the capital of Mongolia.", passage, JUNE_17)));
        assertFalse(RefusalRule.VALUE_OF_ASKED_NAME.refuses(evidence("How many people live in Ulaanbaatar?",
                "Ulaanbaatar, the capital of Mongolia, has 1.6 million residents.", passage, JUNE_17)));
        assertFalse(RefusalRule.VALUE_OF_ASKED_NAME.refuses(evidence("How many business leaders travel with Yoon to Vietnam?",
                "Some 205 business leaders, including executives from Samsung Electronics, will join Yoon's trip to Vietnam.")));
    }

    @Test
    void valueOfAskedNameRefusesADateOfAnotherPlaceAndLeavesAPronounsClauseAlone() {
        assertTrue(RefusalRule.VALUE_OF_ASKED_NAME.refuses(evidence("When did Kim Jong Un reach Vladivostok?",
                "Kim Jong Un's train, bound for Vladivostok, crossed into Russia at Khasan on Tuesday.")));
        assertFalse(RefusalRule.VALUE_OF_ASKED_NAME.refuses(evidence("When did Kim Jong Un reach Vladivostok?",
                "Kim Jong Un's train, which crossed into Russia at Khasan, reached Vladivostok on Tuesday.")));
        // "he" may be Putin: the date is not known to be someone else's
        assertFalse(RefusalRule.VALUE_OF_ASKED_NAME.refuses(evidence("When was Putin sworn in for his fifth term?",
                "Putin, the Kremlin said, chose Beijing for his first trip since he was sworn in on May 7.")));
    }

    @Test
    void eventForWhenWantsTheAskedEventNotAnotherOnesDate() {
        String met = "Kim Jong Un held talks with Putin on Wednesday at the Vostochny Cosmodrome.";
        assertTrue(RefusalRule.EVENT_FOR_WHEN.refuses(evidence("When did Kim Jong Un leave Russia?", met)));
        assertFalse(RefusalRule.EVENT_FOR_WHEN.refuses(evidence("When did Kim Jong Un meet Putin?", met)));
        // the event's noun or a close synonym names it too
        assertFalse(RefusalRule.EVENT_FOR_WHEN.refuses(evidence("When did Kim Jong Un leave Russia?",
                "Kim Jong Un's departure from Russia on Sunday ended a six-day trip.")));
        assertFalse(RefusalRule.EVENT_FOR_WHEN.refuses(evidence("When does Putin visit Vietnam?",
                "Putin will travel to Vietnam on June 19-20, according to the Kremlin.")));
        assertTrue(RefusalRule.EVENT_FOR_WHEN.refuses(evidence("When did To Lam become Vietnam's president?",
                "Putin is expected to meet Vietnam's new president, To Lam, on Wednesday.")));
        // a possessive names a thing rather than a doer: left to the other rules
        assertFalse(RefusalRule.EVENT_FOR_WHEN.refuses(evidence("When did Putin's current term begin?",
                "Putin, who was sworn in just over a month ago, will visit Hanoi on Wednesday.")));
    }

    @Test
    void placeForWhereWantsAPlaceTheQuestionDoesNotAlreadyName() {
        String topic = "One closely watched topic is Kazakhstan's first nuclear power plant.";
        // "One" after the title's line break starts the text: it is no name
        assertTrue(RefusalRule.PLACE_FOR_WHERE.refuses(evidence("Where will Kazakhstan's first nuclear power plant be built?",
                topic, "Putin to Visit Kazakhstan\n" + topic, JUNE_17)));
        assertFalse(RefusalRule.PLACE_FOR_WHERE.refuses(evidence("Where will Kazakhstan's first nuclear power plant be built?",
                "Kazakhstan's first nuclear power plant will be built near Lake Balkhash.")));
        // a place need not be a name
        assertFalse(RefusalRule.PLACE_FOR_WHERE.refuses(evidence("Where did Kim Jong Un greet Putin?",
                "Kim Jong Un greeted Putin at the airport shortly before dawn.")));
        // a day is no place
        assertTrue(RefusalRule.PLACE_FOR_WHERE.refuses(evidence("Where did Kim Jong Un greet Putin?",
                "Kim Jong Un greeted Putin on Wednesday.")));
    }

    @Test
    void ordinalAsAskedRefusesTheSameRankingWithAnotherPlace() {
        String third = "Japan is the third-largest foreign investor in Vietnam.";
        assertTrue(RefusalRule.ORDINAL_AS_ASKED.refuses(evidence("Which country is the second-largest foreign investor in Vietnam?", third)));
        assertFalse(RefusalRule.ORDINAL_AS_ASKED.refuses(evidence("Which country is the third-largest foreign investor in Vietnam?", third)));
        assertFalse(RefusalRule.ORDINAL_AS_ASKED.refuses(evidence("Which country is the second-largest foreign investor in Vietnam?",
                "Japan is the third-largest foreign investor in Vietnam, after South Korea and Singapore, the second largest.")));
        // a yes/no question is answered by another ordinal
        assertFalse(RefusalRule.ORDINAL_AS_ASKED.refuses(evidence("Was this his first trip to Vietnam?",
                "It is Putin's fifth trip to Vietnam.")));
    }

    @Test
    void reasonForWhyWantsAnExplanationNotTheFactAgain() {
        assertTrue(RefusalRule.REASON_FOR_WHY.refuses(evidence("Why did Vietnam skip the peace summit?",
                "Vietnam skipped the peace summit in Switzerland and sent a deputy minister to Russia instead.")));
        assertFalse(RefusalRule.REASON_FOR_WHY.refuses(evidence("Why did Vietnam skip the peace summit?",
                "Vietnam skipped the peace summit because it did not want to take sides.")));
        assertFalse(RefusalRule.REASON_FOR_WHY.refuses(evidence("Why did the United States object to the visit?",
                "\"No country should give Putin a platform to promote his war of aggression,\" the US embassy said.")));
        assertFalse(RefusalRule.REASON_FOR_WHY.refuses(evidence("Why did Vietnam skip the peace summit?",
                "Vietnam skipped the peace summit amid concerns about its ties with Moscow.")));
    }

    @Test
    void measuredThingInSentenceWantsAllOfWhatIsMeasured() {
        assertTrue(RefusalRule.MEASURED_THING_IN_SENTENCE.refuses(evidence("How much aviation fuel will Russia supply to Mongolia?",
                "Mongolia depends on Russia for more than 90 percent of its fuel imports.")));
        assertFalse(RefusalRule.MEASURED_THING_IN_SENTENCE.refuses(evidence("How much aviation fuel will Russia supply to Mongolia?",
                "Russia will supply 50,000 tonnes of aviation fuel to Mongolia.")));
        assertFalse(RefusalRule.MEASURED_THING_IN_SENTENCE.refuses(evidence(
                "How much foreign direct investment was disbursed in Vietnam in the first half of 2024?",
                "Disbursed foreign direct investment reached $10.84 billion in the first half, up 8.2 percent.")));
        // "how much did …" names no thing: left to the amount rule
        assertFalse(RefusalRule.MEASURED_THING_IN_SENTENCE.refuses(evidence("How much did Japan pledge for coast guard equipment?",
                "Japan also pledged 4 billion yen for the coast guard.")));
    }

    @Test
    void aRealAnswerPassesEveryRule() {
        QuoteEvidence answer = evidence("When does Putin visit Vietnam?",
                "Following his visit to North Korea, Putin will travel to Vietnam on June 19-20, according to the Kremlin.",
                "Putin to Visit North Korea and Vietnam starting Tomorrow\nFollowing his visit to North Korea, Putin will travel "
                        + "to Vietnam on June 19-20, according to the Kremlin.", JUNE_17);
        assertEquals(Optional.empty(), RefusalRule.firstRefusing(answer));
    }
}
