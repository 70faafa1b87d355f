using Eddy.Serialization;

namespace Eddy.Base;

/// <summary>The classes a multi-class model has seen, interned to dense indices in the order first seen (River's dict order).</summary>
public sealed class ClassTable
{
    private readonly List<Label> _labels = [];
    private readonly Dictionary<Label, int> _indexByLabel = [];

    public int Count => _labels.Count;

    public Label this[int index] => _labels[index];

    public bool TryGetIndex(Label label, out int index) => _indexByLabel.TryGetValue(label, out index);

    /// <summary>Index of <paramref name="label"/>, adding it when new. A missing label is refused.</summary>
    public int Intern(Label label)
    {
        if (label.IsNone)
        {
            throw new InvalidLabelException("The label is missing.");
        }

        if (_indexByLabel.TryGetValue(label, out int index))
        {
            return index;
        }

        index = _labels.Count;
        _labels.Add(label);
        _indexByLabel.Add(label, index);
        return index;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteInt32(_labels.Count);
        foreach (Label label in _labels)
        {
            writer.WriteLabel(label);
        }
    }

    /// <summary>Reads classes into a new table (validated) so callers can commit it with their other fields.</summary>
    public static ClassTable Read(StateReader reader)
    {
        var table = new ClassTable();
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            Label label = reader.ReadLabel();
            StateReader.Require(!label.IsNone && !table._indexByLabel.ContainsKey(label), $"Invalid or repeated class {label}.");
            table.Intern(label);
        }

        return table;
    }
}
