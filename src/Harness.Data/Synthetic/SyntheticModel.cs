using System.Text;

namespace Harness.Data.Synthetic;

/// <summary>
/// The generative model behind <see cref="SyntheticDataset"/>: a syllable vocabulary, a Zipf background
/// distribution, per-topic word sets, per-query key terms, and an affine permutation that places each query's
/// relevant documents across the corpus. Any document's text is a pure function of (options, index), so the corpus
/// needs no storage.
/// </summary>
internal sealed class SyntheticModel
{
    private const ulong TagTopicWord = 1, TagQueryTopic = 2, TagQueryTerm = 3, TagDoc = 4, TagGrade = 5, TagDocTopic = 6, TagSplit = 7, TagHidden = 8, TagPerm = 9;
    private static readonly string[] Consonants = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u"];

    [ThreadStatic]
    private static StringBuilder? _builder;

    private readonly SyntheticOptions _o;
    private readonly string[] _words;
    private readonly double[] _zipfCdf;
    private readonly int[][] _topicWords;
    private readonly int[][] _queryTerms;
    private readonly int[] _queryTopic;
    private readonly long _a, _aInverse, _c;

    public SyntheticModel(SyntheticOptions options)
    {
        _o = options;
        _words = new string[options.VocabularySize];
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] = MakeWord(i);
        }

        _zipfCdf = new double[options.VocabularySize];
        var sum = 0.0;
        for (var i = 0; i < _zipfCdf.Length; i++)
        {
            sum += 1.0 / (i + 1);
            _zipfCdf[i] = sum;
        }

        for (var i = 0; i < _zipfCdf.Length; i++)
        {
            _zipfCdf[i] /= sum;
        }

        // Topic words: mid-frequency words (outside the 100 most frequent), vocabulary/(4 × topics) per topic (at least
        // 20): few enough that documents of a topic share many words with its queries, so BM25 is good but not perfect.
        var perTopic = Math.Max(20, options.VocabularySize / (4 * options.Topics));
        var lo = Math.Min(100, options.VocabularySize / 2);
        _topicWords = new int[options.Topics][];
        for (var t = 0; t < options.Topics; t++)
        {
            _topicWords[t] = new int[perTopic];
            for (var j = 0; j < perTopic; j++)
            {
                _topicWords[t][j] = lo + (int)(SplitMix64.Hash(options.Seed, TagTopicWord, t, j) % (ulong)(options.VocabularySize - lo));
            }
        }

        // Query key terms: words of the query's topic, so the other documents of the topic (which use the same
        // words) compete with the relevant ones, and queries of one topic share words.
        _queryTopic = new int[options.Queries];
        _queryTerms = new int[options.Queries][];
        for (var q = 0; q < options.Queries; q++)
        {
            var t = (int)(SplitMix64.Hash(options.Seed, TagQueryTopic, q) % (ulong)options.Topics);
            _queryTopic[q] = t;
            var terms = new int[options.QueryLength];
            var rng = new SplitMix64(SplitMix64.Hash(options.Seed, TagQueryTerm, q));
            for (var j = 0; j < terms.Length; j++)
            {
                terms[j] = _topicWords[t][rng.Next(_topicWords[t].Length)];
            }

            _queryTerms[q] = terms;
        }

        // Affine permutation doc slot -> doc index: j = (a*s + c) mod N with gcd(a, N) = 1.
        long n = options.Documents;
        _c = (long)(SplitMix64.Hash(options.Seed, TagPerm, 0) % (ulong)n);
        var a = n <= 2 ? 1 : n / 3 + (long)(SplitMix64.Hash(options.Seed, TagPerm, 1) % (ulong)Math.Max(1, n / 3));
        while (Gcd(a, n) != 1)
        {
            a++;
        }

        _a = a % n == 0 ? 1 : a % n;
        _aInverse = ModInverse(_a, n);
    }

    public int DocumentCount => _o.Documents;

    public int IdWidth => _o.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    public string DocumentId(int index) => "d" + index.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(IdWidth, '0');

    public string QueryId(int q) => "q" + q.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(_o.Queries.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, '0');

    /// <summary>The document index of the k-th relevant document of query q.</summary>
    public int RelevantDocument(int q, int k) => (int)((_a * ((long)k * _o.Queries + q) + _c) % _o.Documents);

    /// <summary>The grade of the k-th relevant document of query q (1..MaxGrade).</summary>
    public int Grade(int q, int k) => 1 + (int)(SplitMix64.Hash(_o.Seed, TagGrade, q, k) % (ulong)_o.MaxGrade);

    /// <summary>Which query a document is relevant to (and as which k), or -1.</summary>
    public (int Query, int K) RelevanceOf(int index)
    {
        var s = ((index - _c) % _o.Documents + _o.Documents) % _o.Documents;
        s = s * _aInverse % _o.Documents;
        return s < (long)_o.Queries * _o.RelevantPerQuery ? ((int)(s % _o.Queries), (int)(s / _o.Queries)) : (-1, -1);
    }

    /// <summary>Which split a query is in: 0 train, 1 dev, 2 test.</summary>
    public int SplitOf(int q)
    {
        var u = (SplitMix64.Hash(_o.Seed, TagSplit, q) >> 11) * (1.0 / (1UL << 53));
        return u < _o.TestFraction ? 2 : u < _o.TestFraction + _o.DevFraction ? 1 : 0;
    }

    /// <summary>A per-query generator for choosing hidden positives.</summary>
    public SplitMix64 HiddenRandom(int q) => new(SplitMix64.Hash(_o.Seed, TagHidden, q));

    public string QueryText(int q)
    {
        var sb = _builder ??= new StringBuilder(512);
        sb.Clear();
        foreach (var t in _queryTerms[q])
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(_words[t]);
        }

        return sb.ToString();
    }

    public string DocumentText(int index)
    {
        var sb = _builder ??= new StringBuilder(512);
        sb.Clear();
        GenerateDocument(index, w =>
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(_words[w]);
        });
        return sb.ToString();
    }

    /// <summary>The vocabulary ids of a document's words, in order (the words of <see cref="DocumentText"/>).</summary>
    public void DocumentWordIds(int index, List<int> into)
    {
        into.Clear();
        GenerateDocument(index, into.Add);
    }

    /// <summary>The vocabulary ids of a query's words, in order (the words of <see cref="QueryText"/>).</summary>
    public IReadOnlyList<int> QueryWordIds(int q) => _queryTerms[q];

    private void GenerateDocument(int index, Action<int> emit)
    {
        var rng = new SplitMix64(SplitMix64.Hash(_o.Seed, TagDoc, index));
        var (q, k) = RelevanceOf(index);
        var grade = q >= 0 ? Grade(q, k) : 0;
        var topic = q >= 0 ? _queryTopic[q] : (int)(SplitMix64.Hash(_o.Seed, TagDocTopic, index) % (ulong)_o.Topics);
        var length = _o.DocumentLength / 2 + rng.Next(_o.DocumentLength + 1);
        var topicWords = _topicWords[topic];

        // A relevant document of grade g carries g key terms of its query (more for higher grades), then key terms
        // keep turning up with a probability that grows with the grade.
        var keyTerms = q >= 0 ? _queryTerms[q] : [];
        var keyProbability = q >= 0 ? 0.02 * grade : 0.0;
        var forced = q >= 0 ? Math.Min(keyTerms.Length, grade) : 0;
        var offset = q >= 0 ? rng.Next(keyTerms.Length) : 0;
        for (var i = 0; i < length; i++)
        {
            int w;
            if (i < forced)
            {
                w = keyTerms[(offset + i) % keyTerms.Length];
            }
            else
            {
                var u = rng.NextDouble();
                w = u < keyProbability ? keyTerms[rng.Next(keyTerms.Length)]
                    : u < keyProbability + 0.35 ? topicWords[rng.Next(topicWords.Length)]
                    : Zipf(rng.NextDouble());
            }

            emit(w);
        }
    }

    private int Zipf(double u)
    {
        var i = Array.BinarySearch(_zipfCdf, u);
        return i >= 0 ? i : Math.Min(~i, _zipfCdf.Length - 1);
    }

    private static string MakeWord(int i)
    {
        var syllables = Consonants.Length * Vowels.Length; // 80
        var count = 2;
        long span = syllables * syllables;
        long rest = i;
        while (rest >= span)
        {
            rest -= span;
            count++;
            span *= syllables;
        }

        var sb = new StringBuilder(count * 3);
        for (var j = 0; j < count; j++)
        {
            var s = (int)(rest % syllables);
            rest /= syllables;
            sb.Append(Consonants[s / Vowels.Length]).Append(Vowels[s % Vowels.Length]);
        }

        return sb.ToString();
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return Math.Abs(a);
    }

    private static long ModInverse(long a, long n)
    {
        if (n == 1)
        {
            return 0;
        }

        long t = 0, newT = 1, r = n, newR = a;
        while (newR != 0)
        {
            var quotient = r / newR;
            (t, newT) = (newT, t - quotient * newT);
            (r, newR) = (newR, r - quotient * newR);
        }

        return t < 0 ? t + n : t;
    }
}
