namespace Eddy.Datasets.Synth;

/// <summary>
/// River's synthetic generators with their default parameters and a fixed seed, cut to
/// <see cref="DefaultCount"/> examples, so they can be named wherever River's datasets are
/// (<see cref="RiverDatasets.ByName"/>, the CLI's <c>--dataset</c>).
/// </summary>
public static class SyntheticDatasets
{
    /// <summary>The seed of every named generator (and of both children of the concept drift stream).</summary>
    public const long DefaultSeed = 42;

    /// <summary>
    /// Examples per named generator: twice ConceptDriftStream's default position, so its whole transition is in.
    /// </summary>
    public const int DefaultCount = 10_000;

    public static Dataset Agrawal() => new Agrawal(seed: DefaultSeed).Take(DefaultCount);

    public static Dataset SEA() => new SEA(seed: DefaultSeed).Take(DefaultCount);

    public static Dataset Hyperplane() => new Hyperplane(seed: DefaultSeed).Take(DefaultCount);

    public static Dataset RandomRBF() => new RandomRBF(seedModel: DefaultSeed, seedSample: DefaultSeed).Take(DefaultCount);

    public static Dataset RandomRBFDrift() => new RandomRBFDrift(seedModel: DefaultSeed, seedSample: DefaultSeed).Take(DefaultCount);

    public static Dataset LED() => new LED(seed: DefaultSeed).Take(DefaultCount);

    public static Dataset LEDDrift() => new LEDDrift(seed: DefaultSeed).Take(DefaultCount);

    public static Dataset Sine() => new Sine(seed: DefaultSeed).Take(DefaultCount);

    public static Dataset STAGGER() => new STAGGER(seed: DefaultSeed).Take(DefaultCount);

    public static Dataset ConceptDriftStream() => new ConceptDriftStream(seed: DefaultSeed).Take(DefaultCount);
}
