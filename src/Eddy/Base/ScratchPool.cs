namespace Eddy.Base;

/// <summary>
/// Per-thread reusable buffers for the predict path. Predictions run concurrently on a published model, so they
/// cannot use buffers owned by the model; a small per-thread stack gives each call its own, allocation-free.
/// </summary>
internal static class ScratchPool
{
    [ThreadStatic]
    private static Stack<FeatureVector>? s_vectors;

    [ThreadStatic]
    private static Stack<ClassProbabilities>? s_probabilities;

    public static FeatureVector RentVector(FeatureSchema schema, bool interning)
    {
        Stack<FeatureVector> stack = s_vectors ??= new Stack<FeatureVector>();
        FeatureVector vector = stack.Count > 0 ? stack.Pop() : new FeatureVector(schema);
        vector.Reset(schema, interning);
        return vector;
    }

    public static void Return(FeatureVector vector) => (s_vectors ??= new Stack<FeatureVector>()).Push(vector);

    public static ClassProbabilities RentProbabilities()
    {
        Stack<ClassProbabilities> stack = s_probabilities ??= new Stack<ClassProbabilities>();
        ClassProbabilities probabilities = stack.Count > 0 ? stack.Pop() : new ClassProbabilities();
        probabilities.Clear();
        return probabilities;
    }

    public static void Return(ClassProbabilities probabilities) =>
        (s_probabilities ??= new Stack<ClassProbabilities>()).Push(probabilities);
}
