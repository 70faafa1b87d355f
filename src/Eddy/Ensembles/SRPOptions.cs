using System.Globalization;
using Eddy.Base;
using Eddy.Drift;
using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseSRPEnsemble</c>, the part SRPClassifier and SRPRegressor share: argument checks, the members'
/// subspaces on the first example, the Poisson weights, the detectors a member gets, the common state and repr.
/// </summary>
internal static class SRPOptions
{
    public const string Resampling = "resampling";
    private static readonly string[] s_methods = ["subspaces", Resampling, "patches"];
    private static readonly string[] s_disable = ["off", "drift", "warning"];

    public static void Validate(int nModels, string subspaceSize, string trainingMethod, double lam, string disableDetector)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nModels, 1);
        SRPSubspaces.Validate(subspaceSize, nameof(subspaceSize));
        if (!s_methods.Contains(trainingMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(trainingMethod), trainingMethod, "Valid options: subspaces, resampling, patches.");
        }

        if (!double.IsFinite(lam) || lam < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lam), lam, "Must be finite and non-negative.");
        }

        if (!s_disable.Contains(disableDetector))
        {
            throw new ArgumentOutOfRangeException(nameof(disableDetector), disableDetector, "Valid options: off, drift, warning.");
        }
    }

    /// <summary>Copies of an example a member learns: every example once for "subspaces", else Poisson(λ).</summary>
    public static int Weight(string trainingMethod, double lam, PythonRandom rng) => trainingMethod == "subspaces" ? 1 : rng.Poisson(lam);

    /// <summary>A member's drift detector: none when <c>disable_detector</c> is "drift".</summary>
    public static DriftDetector? NewDrift(string disableDetector, DriftDetector template) =>
        disableDetector == "drift" ? null : template.CloneFresh();

    /// <summary>A member's warning detector (and so its background learners): only when nothing is disabled.</summary>
    public static DriftDetector? NewWarning(string disableDetector, DriftDetector template) =>
        disableDetector == "off" ? template.CloneFresh() : null;

    /// <summary>
    /// River's <c>_init_ensemble</c>: subspaces from the first example's features, shuffled onto the members (null
    /// for a member that sees every feature). Falls back to resampling for good when no proper subspace exists.
    /// </summary>
    public static int[]?[] Subspaces(FeatureVector x, string subspaceSize, int nModels, ref string trainingMethod, PythonRandom rng)
    {
        int[]?[] subspaces = new int[]?[nModels];
        if (trainingMethod != Resampling)
        {
            int n = x.Count;
            int k = SRPSubspaces.Size(subspaceSize, n);
            if (k != 0 && k < n)
            {
                if (n <= 20 || k < 2)
                {
                    subspaces = SRPSubspaces.Combinations(x, k == 1 && n > 2 ? 2 : k, nModels);
                }
                else
                {
                    for (int i = 0; i < nModels; i++)
                    {
                        subspaces[i] = SRPSubspaces.Draw(x, k, rng);
                    }
                }
            }
            else
            {
                trainingMethod = Resampling;
            }
        }

        int[] order = new int[nModels];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (trainingMethod != Resampling)
        {
            rng.Shuffle<int>(order);
        }

        int[]?[] assigned = new int[]?[nModels];
        for (int i = 0; i < nModels; i++)
        {
            assigned[i] = subspaces[order[i]];
        }

        return assigned;
    }

    /// <summary>The state both ensembles start with after their header; the members follow.</summary>
    public static void WriteState(StateWriter writer, PythonRandom rng, long samplesSeen, string trainingMethod, int members)
    {
        rng.WriteState(writer);
        writer.WriteInt64(samplesSeen);
        writer.WriteByte((byte)Array.IndexOf(s_methods, trainingMethod));
        writer.WriteInt32(members);
    }

    /// <summary>Reads and checks what <see cref="WriteState"/> wrote, for an ensemble configured with <paramref name="trainingMethod"/>.</summary>
    public static (PythonRandom Rng, long SamplesSeen, string TrainingMethod, int Members) ReadState(
        StateReader reader, string trainingMethod, int nModels)
    {
        PythonRandom rng = PythonRandom.ReadState(reader);
        long samplesSeen = reader.ReadInt64();
        int method = reader.ReadByte();
        int count = reader.ReadCount();
        StateReader.Require(samplesSeen >= 0, "Negative example count.");
        StateReader.Require(method < s_methods.Length, "Unknown training method.");
        StateReader.Require(s_methods[method] == trainingMethod || s_methods[method] == Resampling, "A training method this model cannot fall back to.");
        StateReader.Require(count == 0 || count == nModels, "An SRP state with the wrong number of members.");
        return (rng, samplesSeen, s_methods[method], count);
    }

    /// <summary>River's repr of the shared parameters, from <c>model</c> to <c>disable_weighted_vote</c>.</summary>
    public static string Repr(
        Estimator model, int nModels, string subspaceSize, string trainingMethod, double lam, DriftDetector drift, DriftDetector warning,
        string disableDetector, bool disableWeightedVote)
    {
        string size = subspaceSize is SRPSubspaces.Sqrt or SRPSubspaces.RmSqrt ? $"'{subspaceSize}'" : subspaceSize;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"model={model}, n_models={nModels}, subspace_size={size}, training_method='{trainingMethod}', "
            + $"lam={HoeffdingTreeClassifier.Repr(lam)}, drift_detector={drift}, warning_detector={warning}, "
            + $"disable_detector='{disableDetector}', disable_weighted_vote={HoeffdingTreeClassifier.Bool(disableWeightedVote)}");
    }

    public static string Seed(long? seed) => seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "None";
}
