namespace Bilingual.Core.Segmentation;

/// <summary>An SRX rules file cannot be read, or one of its patterns cannot be used; the message names the file, rule and pattern.</summary>
public sealed class SrxRulesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SrxRulesException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SrxRulesException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SrxRulesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
