using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>River: <c>stats.Var</c>. The running variance by Welford's algorithm, dividing by <c>n − ddof</c>.</summary>
public sealed class Var : Univariate
{
    private const byte StateVersion = 1;
    private double _n;
    private double _mean;
    private double _sigma;

    public Var(int ddof = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ddof);
        Ddof = ddof;
    }

    public int Ddof { get; }

    public override string Name => "var";

    public override void Update(double x)
    {
        double oldMean = _mean;
        double n = _n + 1.0;
        double mean = Checked(_mean + (1.0 * (x - _mean) / n), nameof(Var), "the mean");
        double sigma = _sigma;
        if (n > Ddof)
        {
            sigma = Checked(sigma + (1.0 * (((x - oldMean) * (x - mean)) - sigma) / (n - Ddof)), nameof(Var), "the variance");
        }

        _n = n;
        _mean = mean;
        _sigma = sigma;
    }

    public override double Get() => _sigma;

    public override Univariate CloneFresh() => new Var(Ddof);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Var), StateVersion);
        writer.WriteDouble(_n);
        writer.WriteDouble(_mean);
        writer.WriteDouble(_sigma);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Var), StateVersion);
        double n = reader.ReadDouble();
        double mean = reader.ReadDouble();
        double sigma = reader.ReadDouble();
        StateReader.Require(n >= 0 && double.IsFinite(n) && double.IsFinite(mean) && double.IsFinite(sigma), "A variance's state is invalid.");
        _n = n;
        _mean = mean;
        _sigma = sigma;
    }

    public override string ToString() => $"Var(ddof={Ddof})";
}
