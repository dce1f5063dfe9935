package herald.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reasons for retrieval-only mode to say "The ingested articles do not say." rather than quote its best
 * sentence: each names something a quote that answers the question would hold and this one lacks. A quote
 * that does not answer misleads as much as a made-up answer, so any one rule refusing is enough.
 * Thresholds were tuned on the tuning half of Herald's labelled set only (docs/quality.md).
 */
enum RefusalRule {

    /** The question asks about something ("population", "gift", "ambassador") the quoted passage never mentions. */
    FOCUS_WORDS_IN_PASSAGE {
        @Override
        boolean refuses(QuoteEvidence e) {
            return e.share(e.focusTerms(), e.passage()) < MIN_FOCUS_SHARE;
        }
    },

    /**
     * The quoted sentence itself must carry what the question asks about, not only its passage: "When did Kim's
     * armoured train arrive in Vladivostok?" is not answered by a sentence about his talks that mentions none of
     * "armoured", "train", "arrive", however close the next sentence is.
     */
    FOCUS_WORDS_IN_SENTENCE {
        @Override
        boolean refuses(QuoteEvidence e) {
            return e.share(e.focusTerms(), e.sentence()) < MIN_SENTENCE_FOCUS_SHARE;
        }
    },

    /** A name the question asks about (Ulaanbaatar, Xi Jinping) is missing from the quoted passage: it is about someone else. */
    NAMES_IN_PASSAGE {
        @Override
        boolean refuses(QuoteEvidence e) {
            return e.nameShare() < MIN_NAME_SHARE;
        }
    },

    /**
     * A date or a person is an answer only about the one asked after: "When did Xi Jinping last travel to Russia?"
     * is not answered by "Putin last visited China in October 2023", a sentence that names others and none of the
     * question's names. A sentence naming no one ("The visit, scheduled for May 16-17, …") is left to the other rules.
     */
    NAMES_IN_DATE_OR_PERSON_SENTENCE {
        @Override
        boolean refuses(QuoteEvidence e) {
            return (e.type() == AnswerType.DATE || e.type() == AnswerType.PERSON || e.type() == AnswerType.NUMBER)
                    && e.sentenceNameShare() < MIN_SENTENCE_NAME_SHARE && e.sentenceHoldsNames();
        }
    },

    /** "Vietnam's inflation target for 2025" is not answered by a 2024 article's passage that never speaks of 2025. */
    YEAR_IN_PASSAGE {
        @Override
        boolean refuses(QuoteEvidence e) {
            return !e.yearsNotInPassage().isEmpty();
        }
    },

    /** "How many soldiers": a count must stand within a few words of what is counted ("205 business leaders"). */
    COUNT_BESIDE_COUNTED_NOUN {
        @Override
        boolean refuses(QuoteEvidence e) {
            Set<String> counted = countedNoun(e);
            if (counted.isEmpty()) {
                return false;
            }
            List<Integer> nounAt = e.positionsOf(counted);
            for (int at : countPositions(e.sentence())) {
                if (nounAt.stream().anyMatch(p -> Math.abs(p - at) <= COUNT_PROXIMITY_WORDS)) {
                    return false;
                }
            }
            return true;
        }
    },

    /**
     * "How much": an amount ("$1.6 billion", "4 billion yen", "1 percent"), not a year, and beside the question's
     * words: "71 percent of voters" is not what Rosatom bid.
     */
    AMOUNT_FOR_HOW_MUCH {
        @Override
        boolean refuses(QuoteEvidence e) {
            if (!HOW_MUCH.matcher(e.question()).find()) {
                return false;
            }
            Set<String> asked = new HashSet<>(e.focusTerms());
            asked.addAll(e.nameTerms());
            List<Integer> askedAt = e.positionsOf(asked);
            Matcher amount = AMOUNT.matcher(e.sentence());
            while (amount.find()) {
                int at = e.sentence().substring(0, amount.start()).split("\\s+", -1).length - 1;
                if (askedAt.stream().anyMatch(p -> Math.abs(p - at) <= AMOUNT_PROXIMITY_WORDS)) {
                    return false;
                }
            }
            return true;
        }
    },

    /**
     * "Who": a name of two or more words ("Nguyen Phu Trong", "United States") or an office ("deputy foreign
     * minister", "spokesperson") the question does not already hold.
     */
    PERSON_FOR_WHO {
        @Override
        boolean refuses(QuoteEvidence e) {
            if (e.type() != AnswerType.PERSON) {
                return false;
            }
            Set<String> asked = e.terms().apply(e.standalone());
            Matcher name = FULL_NAME.matcher(e.sentence());
            while (name.find()) {
                if (!asked.containsAll(e.terms().apply(name.group()))) {
                    return false;
                }
            }
            Matcher office = OFFICE.matcher(e.sentence());
            while (office.find()) {
                if (!asked.containsAll(e.terms().apply(office.group()))) {
                    return false;
                }
            }
            return true;
        }
    },

    /** "When": a calendar date, a weekday or a time of day; "last September" or "for years" does not say when. */
    DATE_FOR_WHEN {
        @Override
        boolean refuses(QuoteEvidence e) {
            return e.type() == AnswerType.DATE && !AnswerType.holdsExactDate(e.sentence());
        }
    },

    /** "When will … next": a date already past when its article was written answers another question. */
    FUTURE_QUESTION_PAST_DATE {
        @Override
        boolean refuses(QuoteEvidence e) {
            if (e.type() != AnswerType.DATE || !FUTURE_ONLY.matcher(e.question()).find()) {
                return false;
            }
            // a weekday alone has no side: judge by the dates that have one
            List<AnswerType.Tense> tenses = AnswerType.dateTenses(e.sentence(), e.published()).stream()
                    .filter(t -> t != AnswerType.Tense.UNKNOWN).toList();
            return !tenses.isEmpty() && tenses.stream().allMatch(t -> t == AnswerType.Tense.PAST);
        }
    },

    /** "How long did the talks last": a duration ("more than four hours", "two-day"), not a date. */
    DURATION_FOR_HOW_LONG {
        @Override
        boolean refuses(QuoteEvidence e) {
            return HOW_LONG.matcher(e.question()).find() && !DURATION.matcher(e.sentence()).find();
        }
    },

    /** "What did X say": the quote must be X speaking, not someone else or no one. */
    SPEAKER_SPEAKS {
        @Override
        boolean refuses(QuoteEvidence e) {
            Matcher m = WHAT_DID_SAY.matcher(e.question().strip());
            if (!m.find()) {
                return false;
            }
            Set<String> speaker = new HashSet<>(e.terms().apply(m.group(2)));
            speaker.removeAll(e.framing());
            return !SPEECH.matcher(e.sentence()).find() || e.share(speaker, e.sentence()) < 0.5;
        }
    },

    /**
     * A count, an amount or a date answers only when it belongs to the one the question names. "How many people
     * live in Ulaanbaatar?" is not answered by "Mongolia, a country of 3.4 million people, has its capital in
     * Ulaanbaatar": the sentence names the city, but the count is said of the country. A value belongs to the
     * names of its clause, or, in a clause naming no one that describes the name before it ("a country of …",
     * "where …"), to that name; a clause with "he" or "its" may mean the one asked about, and decides nothing.
     */
    VALUE_OF_ASKED_NAME {
        @Override
        boolean refuses(QuoteEvidence e) {
            if (e.type() != AnswerType.DATE && e.type() != AnswerType.NUMBER) {
                return false;
            }
            Set<String> asked = e.askedNameTerms();
            QuotedClauses clauses = e.clauses();
            if (asked.isEmpty() || java.util.Collections.disjoint(asked, clauses.allNames())) {
                return false;
            }
            List<Integer> values = valueStarts(e).stream().map(clauses::wordAt).toList();
            for (int at : values) {
                Set<String> owner = clauses.ownerOf(at);
                if (owner.isEmpty() || !java.util.Collections.disjoint(owner, asked)) {
                    return false;
                }
            }
            return !values.isEmpty();
        }
    },

    /**
     * "When did Kim Jong Un leave Russia?" is not answered by the day he met Putin there: a date answers the event
     * the question names, so the quoted sentence must name that event too, by the verb, its noun or a close
     * synonym ("leave", "left", "departure").
     */
    EVENT_FOR_WHEN {
        @Override
        boolean refuses(QuoteEvidence e) {
            Matcher m = WHEN_DID_EVENT.matcher(e.question().strip());
            if (!m.find()) {
                return false;
            }
            String verb = m.group(1);
            Set<String> event = new HashSet<>(e.terms().apply(verb));
            for (List<String> same : SAME_EVENT) {
                if (same.contains(verb)) {
                    same.forEach(word -> event.addAll(e.terms().apply(word)));
                }
            }
            event.removeAll(e.framing());
            return !event.isEmpty() && java.util.Collections.disjoint(event, e.terms().apply(e.sentence()));
        }
    },

    /**
     * "Where will the plant be built?" is not answered by a sentence saying only that the plant is much discussed: a
     * place is a name the question does not already hold ("Astana", "Russia's Far East") or a place phrase about
     * something it does not name ("at the airport", "near the border").
     */
    PLACE_FOR_WHERE {
        @Override
        boolean refuses(QuoteEvidence e) {
            if (!WHERE.matcher(e.question().strip()).find()) {
                return false;
            }
            Set<String> asked = e.terms().apply(e.standalone());
            if (!asked.containsAll(e.clauses().allNames())) {
                return false;
            }
            Matcher place = PLACE_PHRASE.matcher(e.sentence());
            while (place.find()) {
                Set<String> where = e.terms().apply(place.group(1));
                if (!where.isEmpty() && !asked.containsAll(where) && !AnswerType.holdsExactDate(place.group(1))) {
                    return false;
                }
            }
            return true;
        }
    },

    /**
     * "Which country is the second-largest investor?" is not answered by "Japan is the third-largest investor": when
     * the quote ranks the same thing with another ordinal and never with the asked one, it answers another question.
     * Yes/no questions are left alone ("Was this his first trip?" is answered by "his fifth visit").
     */
    ORDINAL_AS_ASKED {
        @Override
        boolean refuses(QuoteEvidence e) {
            if (!WH_QUESTION.matcher(e.question().strip()).find()) {
                return false;
            }
            Matcher asked = ORDINAL.matcher(e.question());
            while (asked.find()) {
                Set<String> ranked = e.terms().apply(asked.group(2));
                boolean same = false;
                boolean other = false;
                Matcher quoted = ORDINAL.matcher(e.sentence());
                while (quoted.find()) {
                    if (!ranked.isEmpty() && ranked.equals(e.terms().apply(quoted.group(2)))) {
                        same |= quoted.group(1).equalsIgnoreCase(asked.group(1));
                        other |= !quoted.group(1).equalsIgnoreCase(asked.group(1));
                    }
                }
                if (other && !same) {
                    return true;
                }
            }
            return false;
        }
    },

    /**
     * "Why did Vietnam skip the peace summit?" is not answered by a sentence saying only that it did: an explanation
     * has a causal word ("because", "due to", "amid concerns"), a motive ("to avoid", "aimed at") or someone's words
     * ("said", a quotation).
     */
    REASON_FOR_WHY {
        @Override
        boolean refuses(QuoteEvidence e) {
            return e.type() == AnswerType.REASON && !AnswerType.givesReason(e.sentence())
                    && !SPEECH.matcher(e.sentence()).find() && !MOTIVE.matcher(e.sentence()).find();
        }
    },

    /**
     * "How much aviation fuel will Russia supply?" is not answered by "90 percent of its fuel imports": an amount
     * answers "how much X" only in a sentence that names all of X, not the broader thing. (Not for "how many":
     * "how many planes" is rightly answered by "50 Boeing jets".)
     */
    MEASURED_THING_IN_SENTENCE {
        @Override
        boolean refuses(QuoteEvidence e) {
            Matcher m = HOW_MUCH_THING.matcher(e.question().strip());
            if (!m.find()) {
                return false;
            }
            Set<String> thing = new HashSet<>();
            for (String word : m.group(1).split("\\s+")) {
                if (PHRASE_END.contains(word.toLowerCase(Locale.ROOT))) {
                    break;
                }
                thing.addAll(e.terms().apply(word));
            }
            thing.removeAll(e.framing());
            return !thing.isEmpty() && !e.terms().apply(e.sentence()).containsAll(thing);
        }
    };

    /** Below this share of the question's focus words in the quoted passage, the passage is about something else. */
    static final double MIN_FOCUS_SHARE = 0.25;
    /** Below this share of the question's focus words in the quoted sentence, the sentence is about something else. */
    static final double MIN_SENTENCE_FOCUS_SHARE = 0.3;
    /** Below this share of the question's names in a quoted sentence that names others, it is about someone else. */
    static final double MIN_SENTENCE_NAME_SHARE = 0.5;
    /** Below this share of the question's names in the quoted passage, it is about someone or somewhere else. */
    static final double MIN_NAME_SHARE = 0.6;
    /** How far an amount may stand from the question's words. */
    static final int AMOUNT_PROXIMITY_WORDS = 4;
    /** How far a count may stand from the counted word. */
    static final int COUNT_PROXIMITY_WORDS = 3;

    private static final Pattern HOW_MANY = Pattern.compile("(?i)^(and )?how many (.+)$");
    private static final Pattern HOW_MUCH = Pattern.compile("(?i)^(and )?how much\\b");
    /** Words that end the counted noun phrase of "how many …". */
    private static final Set<String> PHRASE_END = Set.of("did", "does", "do", "is", "are", "was", "were", "will", "would",
            "has", "have", "had", "can", "could", "should", "in", "of", "at", "on", "to", "from", "with", "for", "by");
    /** A count: a number that is not a year, an ordinal or part of a model name ("Su-35"), or a number word. */
    private static final Pattern COUNT = Pattern.compile(
            "(?i)(?<![\\p{L}\\d-])(?!(19|20)\\d\\d\\b)(\\d[\\d,.]*)(?![\\p{L}\\d-]|st\\b|nd\\b|rd\\b|th\\b)|\\b(one|two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|several)\\b");
    private static final Pattern AMOUNT = Pattern.compile("(?i)[$€£¥]\\s?\\d|\\d[\\d,.]*\\s?(%|percent|per cent|"
            + "(thousand|million|billion|trillion)\\b|yen\\b|dollars?\\b|euros?\\b|roubles?\\b|rubles?\\b|dong\\b|won\\b|yuan\\b)");
    /** "How long did …" asks for a duration; "how long ago" and "how long has it been since" ask for a date. */
    private static final Pattern HOW_LONG = Pattern.compile("(?i)^(and )?how long (?!ago|has it been|since)");
    private static final Pattern DURATION = Pattern.compile("(?i)\\b(\\d[\\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
            + "several|few|couple of)[ -](more )?(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\\b"
            + "|\\b(hour|day|week|month|year)-long\\b|\\bfor (hours|days|weeks|months|years|decades)\\b");
    private static final Pattern WHAT_DID_SAY = Pattern.compile("(?i)^(and )?what did (.+?) (say|tell|said|think)\\b");
    private static final Pattern SPEECH = Pattern.compile("(?i)\\b(said|says|say|told|tells|replied|called|described|stressed|"
            + "warned|added|noted)\\b|[\"“][^\"”]{10,}[\"”]");
    private static final Pattern FULL_NAME = Pattern.compile("\\b[A-Z][\\p{L}'’-]+(?: [A-Z][\\p{L}'’-]+)+\\b");
    private static final Pattern OFFICE = Pattern.compile("(?i)\\b(minister|president|spokes(man|woman|person)|official|ambassador|"
            + "secretary|chairman|chairwoman|leader|embassy|deputy|envoy|aide|governor|mayor|king|queen|general)s?\\b");
    private static final Pattern FUTURE_ONLY = Pattern.compile("(?i)\\b(will|next|upcoming|going to)\\b");

    /**
     * "When did Kim Jong Un leave …", "When did Russia and Vietnam become …": the verb after the names doing it.
     * A possessive ("When did Putin's term begin?") names a thing, not a doer, and is left alone.
     */
    private static final Pattern WHEN_DID_EVENT = Pattern.compile("^(?:[Aa]nd )?[Ww]hen (?:did|does|do|will|would|has|have|had) "
            + "(?:the )?[A-Z][\\p{L}.-]*(?: (?:and )?[A-Z][\\p{L}.-]*)* "
            + "(?:(?:last|first|next|finally|officially|recently|again|ever|also|actually|eventually) )?([a-z]+)\\b");
    /** Words news prose uses for the same event: a quote saying "travel" or "trip" names the visit asked about. */
    private static final List<List<String>> SAME_EVENT = List.of(
            List.of("visit", "travel", "trip", "tour", "go", "come"),
            List.of("arrive", "arrival", "land", "reach"),
            List.of("leave", "depart", "departure"),
            List.of("begin", "start"),
            List.of("end", "finish", "conclude", "complete"),
            List.of("meet", "meeting", "talk", "talks"),
            List.of("become", "elected", "appointed", "sworn", "named"));

    private static final Pattern WHERE = Pattern.compile("(?i)^(and )?where\\b");
    /** A preposition of place and the one or two words after it: "at the airport", "near the Chinese border". */
    private static final Pattern PLACE_PHRASE = Pattern.compile("(?i)\\b(?:in|at|near|outside|inside|to|from|on|off|across|along|"
            + "beside|between|into|within)\\s+(?:the\\s+|a\\s+|an\\s+|its\\s+|their\\s+)?([\\p{L}-]+(?:\\s+[\\p{L}-]+)?)");

    private static final Pattern WH_QUESTION = Pattern.compile("(?i)^(and )?(what|which|who|whom|whose|when|where|how|in|at|on|for|from|to|of)\\b");
    /** An ordinal and the word it ranks: "second-largest", "third largest", "first trip", "5th visit". */
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            + "\\d+(?:st|nd|rd|th))[- ]([\\p{L}]+)");

    /** Words that give a motive or a cause besides the plain causal ones. */
    private static final Pattern MOTIVE = Pattern.compile("(?i)\\b(amid|over (concerns?|fears?|worries)|concern(s|ed)?|fears?|"
            + "worr(y|ies|ied)|so that|to (avoid|protect|show|signal|keep|prevent|secure|ensure)|aim(s|ed)? (at|to)|reasons?|"
            + "sought to|seeking to|seeks to|wants? to|wanted to|hopes? to|hoped to|in response to|in return for|after being|since)\\b");

    /** "How much aviation fuel will …": the measured thing, before the verb; "How much did …" names none. */
    private static final Pattern HOW_MUCH_THING = Pattern.compile("(?i)^(?:and )?how much ((?!(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could)\\b)[\\p{L}-]+(?: [\\p{L}-]+)*)");

    abstract boolean refuses(QuoteEvidence evidence);

    /** The first rule that refuses the quote, if any. */
    static Optional<RefusalRule> firstRefusing(QuoteEvidence evidence) {
        for (RefusalRule rule : values()) {
            if (rule.refuses(evidence)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The first content words after "how many", up to the verb: "soldiers" of "how many soldiers died". */
    static Set<String> countedNoun(QuoteEvidence e) {
        Matcher m = HOW_MANY.matcher(e.question().strip());
        if (!m.matches()) {
            return Set.of();
        }
        Set<String> noun = new HashSet<>();
        for (String word : m.group(2).split("\\s+")) {
            String bare = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d-]", "");
            if (PHRASE_END.contains(bare) || noun.size() >= 2) {
                break;
            }
            noun.addAll(e.terms().apply(word));
        }
        noun.removeAll(e.framing());
        return noun;
    }

    /** Where the values of the kind asked for start in the (stripped) quoted sentence: counts, amounts or dates. */
    static List<Integer> valueStarts(QuoteEvidence e) {
        String sentence = e.sentence().strip();
        if (e.type() == AnswerType.DATE) {
            return AnswerType.exactDateStarts(sentence);
        }
        Matcher m = (HOW_MUCH.matcher(e.question()).find() ? AMOUNT : COUNT).matcher(sentence);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        return starts;
    }

    /** Word positions of counts in the sentence. */
    private static List<Integer> countPositions(String sentence) {
        List<Integer> positions = new ArrayList<>();
        Matcher m = COUNT.matcher(sentence);
        while (m.find()) {
            positions.add(sentence.substring(0, m.start()).split("\\s+", -1).length - 1);
        }
        return positions;
    }
}
