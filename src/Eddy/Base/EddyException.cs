namespace Eddy.Base;

/// <summary>Base of every exception Eddy throws on purpose, so hosts can map them to client errors.</summary>
public abstract class EddyException : Exception
{
    protected EddyException(string message)
        : base(message)
    {
    }

    protected EddyException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
