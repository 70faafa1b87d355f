using Eddy.Serialization;

namespace Eddy.Trees;

/// <summary>
/// River's <c>stats.Var(ddof=1)</c> over <c>stats.Mean</c>: weight sum, weighted Welford mean and the sum of
/// squared deviations, with River's parallel merge and removal formulas (Chan et al., 1983), in River's operation
/// order so every split merit is bit-identical.
/// </summary>
internal struct VarianceStats : IEquatable<VarianceStats>
{
    public double N;
    public double Mean;
    public double S;

    public VarianceStats(double n, double mean, double s)
    {
        N = n;
        Mean = mean;
        S = s;
    }

    /// <summary>River's <c>Var.get()</c>: the sample variance, 0 until more than one unit of weight.</summary>
    public readonly double Variance => N > 1 ? S / (N - 1) : 0.0;

    public void Update(double x, double w)
    {
        double meanOld = Mean;
        N += w;
        Mean += w / N * (x - Mean);
        S += w * (x - meanOld) * (x - Mean);
    }

    /// <summary>The state after <see cref="Update"/>, without changing this one.</summary>
    public readonly VarianceStats Next(double x, double w)
    {
        VarianceStats next = this;
        next.Update(x, w);
        return next;
    }

    /// <summary>River's <c>Var.__iadd__</c>: S first (from the old means), then the mean merge.</summary>
    public static VarianceStats operator +(VarianceStats a, VarianceStats b)
    {
        double d = a.Mean - b.Mean;
        double s = a.S + b.S + (d * d * a.N * b.N / (a.N + b.N));
        double oldN = a.N;
        double n = a.N + b.N;
        double mean = ((oldN * a.Mean) + (b.N * b.Mean)) / n;
        return new VarianceStats(n, mean, s);
    }

    /// <summary>River's <c>Var.__isub__</c>: the mean removal first, then S from the new mean.</summary>
    public static VarianceStats operator -(VarianceStats a, VarianceStats b)
    {
        double oldN = a.N;
        double n = a.N - b.N;
        double mean;
        if (n > 0)
        {
            mean = ((oldN * a.Mean) - (b.N * b.Mean)) / n;
        }
        else
        {
            n = 0.0;
            mean = 0.0;
        }

        double d = mean - b.Mean;
        double s = a.S - b.S - (d * d * n * b.N / (n + b.N));
        return new VarianceStats(n, mean, s);
    }

    public readonly bool IsFinite => double.IsFinite(N) && double.IsFinite(Mean) && double.IsFinite(S);

    public readonly void WriteState(StateWriter writer)
    {
        writer.WriteDouble(N);
        writer.WriteDouble(Mean);
        writer.WriteDouble(S);
    }

    public static VarianceStats Read(StateReader reader) => new(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());

    public readonly bool Equals(VarianceStats other) => N.Equals(other.N) && Mean.Equals(other.Mean) && S.Equals(other.S);

    public override readonly bool Equals(object? obj) => obj is VarianceStats other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(N, Mean, S);
}
