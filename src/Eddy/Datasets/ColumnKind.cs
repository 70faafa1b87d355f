namespace Eddy.Datasets;

/// <summary>How a column is typed (River's <c>converters</c>).</summary>
public enum ColumnKind
{
    /// <summary>A real number.</summary>
    Number,

    /// <summary>A string category; fed to models as a categorical feature.</summary>
    Category,

    /// <summary>A timestamp; fed to models as seconds since the Unix epoch (see <see cref="Dataset"/>).</summary>
    DateTime,
}
