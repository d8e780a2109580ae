namespace DiagBot.Playbooks.Classification.Learned;

/// <summary>
/// One multinomial logistic (softmax) regression over feature ids: stochastic gradient descent on the cross-entropy, with
/// AdaGrad per weight and L2 on the weights an example touches. The order examples are visited in is seeded, so the same
/// lines always train the same weights.
/// </summary>
internal sealed class SoftmaxRegression
{
    private const double L2 = 1e-4;
    // Eight passes generalised best leave-one-batch-out (five called a look-alike a failure, eleven and fifteen answered
    // fewer lines right; docs/triage.md), and train in half the time of fifteen.
    private const int Epochs = 8;
    private const double LearningRate = 0.5; // per weight, scaled down by AdaGrad as that weight's gradients add up
    private const double BiasRate = 0.05;
    private const double Negligible = 1e-4; // a label's gradient this small changes nothing worth the arithmetic

    private readonly int _labels;
    // Feature-major: _weights[feature * labels + label]. Single precision halves a model of 26,000 features and 16 labels
    // (1.7 MB a member) and changes no answer at two decimals.
    private readonly float[] _weights;
    private readonly double[] _bias;

    private SoftmaxRegression(int features, int labels)
    {
        _labels = labels;
        _weights = new float[features * labels];
        _bias = new double[labels];
    }

    public static SoftmaxRegression Fit(IReadOnlyList<(int[] Ids, int Label)> examples, int features, int labels, int seed)
    {
        var model = new SoftmaxRegression(features, labels);
        var squares = new float[model._weights.Length];
        var order = examples.ToArray();
        var gradients = new double[labels];
        var random = new Random(seed);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var (ids, label) in order)
            {
                model.Step(ids, label, squares, gradients);
            }
        }

        return model;
    }

    public double Weight(int feature, int label) => _weights[(feature * _labels) + label];

    public double[] Probabilities(int[] ids)
    {
        var probabilities = new double[_labels];
        Probabilities(ids, Scale(ids), probabilities);
        return probabilities;
    }

    private void Probabilities(int[] ids, double scale, double[] into)
    {
        Array.Copy(_bias, into, _labels);
        foreach (var id in ids)
        {
            var row = id * _labels;
            for (var l = 0; l < _labels; l++)
            {
                into[l] += _weights[row + l] * scale;
            }
        }

        var max = double.MinValue;
        for (var l = 0; l < _labels; l++)
        {
            max = Math.Max(max, into[l]);
        }

        var sum = 0.0;
        for (var l = 0; l < _labels; l++)
        {
            into[l] = Math.Exp(into[l] - max);
            sum += into[l];
        }

        for (var l = 0; l < _labels; l++)
        {
            into[l] /= sum;
        }
    }

    private void Step(int[] ids, int label, float[] squares, double[] gradients)
    {
        var scale = Scale(ids);
        Probabilities(ids, scale, gradients);
        gradients[label] -= 1;
        Span<int> moving = stackalloc int[_labels];
        var count = 0;
        for (var l = 0; l < _labels; l++)
        {
            if (Math.Abs(gradients[l]) >= Negligible)
            {
                moving[count++] = l;
                _bias[l] -= BiasRate * gradients[l];
            }
        }

        foreach (var id in ids)
        {
            var row = id * _labels;
            foreach (var l in moving[..count])
            {
                var at = row + l;
                var step = (gradients[l] * scale) + (L2 * _weights[at]);
                squares[at] += (float)(step * step);
                _weights[at] -= (float)(LearningRate * step / Math.Sqrt(squares[at] + 1e-8));
            }
        }
    }

    // A text's features weigh 1/sqrt(n) together, so a long log line is not surer than a short one for its length.
    private static double Scale(int[] ids) => ids.Length == 0 ? 0 : 1 / Math.Sqrt(ids.Length);
}
