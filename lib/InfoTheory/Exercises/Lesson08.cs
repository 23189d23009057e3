using System.Text;
using InfoTheory.Models;

namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 08, perplexity and language models. Expected values are computed here with plain Math,
    // independently of Info, Learning and the models the student calls.
    private static IEnumerable<Exercise> Lesson08() =>
    [
        new NumberExercise("08.1", "One rare token in twenty",
            "Average the surprisal in bits: 5% of tokens cost −log₂ 0.001, the rest −log₂ 0.5. Perplexity is 2 to the power of that average.",
            Expected: Math.Pow(2, 0.05 * -Math.Log2(0.001) + 0.95 * -Math.Log2(0.5)))
        {
            Reread = "“From probabilities to one number”",
            Mistakes = [Mistake.Gives(0.05 * -Math.Log2(0.001) + 0.95 * -Math.Log2(0.5), "This is the average surprisal in bits per token; perplexity is 2 to the power of it.")],
        },
        new VectorExercise("08.2", "Five tokens: log-likelihood, bits per token, perplexity",
            "Give [log-likelihood in nats (a negative number), bits per token, perplexity]. The log-likelihood is Σ ln p; bits per token is −Σ log₂ p / 5; perplexity is 2^(bits per token).",
            Expected: FiveTokenAnswers()) { Reread = "“From probabilities to one number”" },
        new ComputedVectorExercise("08.3", "Surprisal profiles of three texts",
            "Give the mean surprisal in bits per character of [the English sentence, the line of C, the DNA], under an order-3 NGramModel trained on all of pride-and-prejudice. model.Surprisals(text) gives one surprisal per character; average them.",
            ComputeExpected: ProfileMeans, Tolerance: 1e-6) { Reread = "“Where a model is surprised”" },
        new VectorExercise("08.4", "Watching a classifier learn",
            "Give [loss, mean prediction entropy, perplexity] after the 100th update, loss and entropy in nats. Start from all-zero weights and biases; each step uses the mean gradient over all 120 points, (softmax − one-hot) × input, with learning rate 0.5.",
            Expected: TrainedClassifierLog(updates: 100), Tolerance: 1e-6)
        {
            Reread = "“From probabilities to one number” (and, for the update, lesson 04’s “The gradient with respect to the logits is p − y”)",
            Mistakes =
            [
                Mistake.Gives(() => TrainedClassifierLog(updates: 99),
                    "One update short: these are the values logged before the 100th update. Measure the model once more after the loop ends."),
            ],
        },
        new VectorExercise("08.5", "Real GPT-2 tokens: how many?",
            "Tokenize each text with TiktokenTokenizer.CreateForModel(\"gpt2\") and count the ids: tokenizer.EncodeToIds(text).Count. Give [encyclopaedia, machine learning, random words]. Count tokens, not words or characters.",
            Expected: TokenProfileTexts.Select(t => (double)t.Gpt2Tokens).ToArray(), Tolerance: 0)
        {
            Reread = "“Real tokens: GPT-2's tokenizer”",
        },
        new EssayExercise("08.6", "Surprisal and entropy profiles of real tokens",
            "Name the text with the highest mean bits per token and the one with the highest bits per character, and say why they may differ. Point at one token whose surprisal is far above the entropy before it, and one where both are high, and say what each means about the model.")
        {
            Reread = "“Real tokens: GPT-2's tokenizer” and “Where a model is surprised”",
        },
    ];

    /// <summary>
    /// The three texts of exercises 08.5 and 08.6, with their GPT-2 token counts. The counts were read from the
    /// GPT-2 tokenizer (the library does not depend on it) and are checked against it by TokenModelTests.
    /// </summary>
    internal static readonly (string Text, int Gpt2Tokens)[] TokenProfileTexts =
    [
        ("Paris is the capital of France and lies on the river Seine in the north of the country.", 20),
        ("The softmax layer maps logits to probabilities, and its gradient is the prediction minus the one-hot label.", 23),
        ("copper whistle meadow fortune ankle lantern system puzzle", 10),
    ];

    /// <summary>The three texts of exercise 08.3, as the exercise notebook states them.</summary>
    internal static readonly string[] ProfileTexts =
    [
        "The letter arrived on Tuesday, and nobody in the house could guess who had sent it.",
        "for (int i = 0; i < count; i++) total += values[i];",
        "GATTACAGATTACACCGGTTAACCGGTATATCGCGAATTCGGCTAGCTAGGCTTAA",
    ];

    /// <summary>
    /// Mean bits per character of each profile text, from the model's next-byte distribution after each
    /// prefix (NGramModel.Distribution) and Math.Log2, not from the Surprisals/CrossEntropy path the
    /// student uses. The texts are ASCII, so one character is one byte.
    /// </summary>
    private static double[] ProfileMeans()
    {
        var model = NGramModel.Train(Corpus.Text("pride-and-prejudice"), 3);
        return ProfileTexts.Select(text =>
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            double bits = 0;
            for (int i = 0; i < bytes.Length; i++)
                bits -= Math.Log2(model.Distribution(bytes.AsSpan(0, i))[bytes[i]]);
            return bits / bytes.Length;
        }).ToArray();
    }

    private static double[] FiveTokenAnswers()
    {
        double[] p = [0.1, 0.3, 0.8, 0.05, 0.6];
        double logLikelihood = p.Sum(Math.Log);
        double bitsPerToken = -p.Sum(Math.Log2) / p.Length;
        return [logLikelihood, bitsPerToken, Math.Pow(2, bitsPerToken)];
    }

    /// <summary>
    /// Softmax regression on <see cref="Datasets.Clusters"/> (default arguments): zero start, 100 steps of
    /// full-batch gradient descent with learning rate 0.5 for the given number of updates; returns
    /// [mean loss, mean entropy, exp(mean loss)] of the model after them, in nats.
    /// </summary>
    private static double[] TrainedClassifierLog(int updates)
    {
        var data = Datasets.Clusters();
        int k = data.ClassCount, n = data.Count;
        var weights = new double[k, 2];
        var biases = new double[k];

        double[] Probabilities(double[] x)
        {
            var z = new double[k];
            for (int c = 0; c < k; c++) z[c] = weights[c, 0] * x[0] + weights[c, 1] * x[1] + biases[c];
            double max = z.Max();
            var e = z.Select(v => Math.Exp(v - max)).ToArray();
            double sum = e.Sum();
            return e.Select(v => v / sum).ToArray();
        }

        for (int step = 0; step < updates; step++)
        {
            var gradW = new double[k, 2];
            var gradB = new double[k];
            for (int i = 0; i < n; i++)
            {
                var p = Probabilities(data.Features[i]);
                for (int c = 0; c < k; c++)
                {
                    double error = p[c] - (c == data.Labels[i] ? 1 : 0);
                    gradW[c, 0] += error * data.Features[i][0] / n;
                    gradW[c, 1] += error * data.Features[i][1] / n;
                    gradB[c] += error / n;
                }
            }
            for (int c = 0; c < k; c++)
            {
                weights[c, 0] -= 0.5 * gradW[c, 0];
                weights[c, 1] -= 0.5 * gradW[c, 1];
                biases[c] -= 0.5 * gradB[c];
            }
        }

        double loss = 0, entropy = 0;
        for (int i = 0; i < n; i++)
        {
            var p = Probabilities(data.Features[i]);
            loss -= Math.Log(p[data.Labels[i]]) / n;
            entropy -= p.Where(v => v > 0).Sum(v => v * Math.Log(v)) / n;
        }
        return [loss, entropy, Math.Exp(loss)];
    }
}
