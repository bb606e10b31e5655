namespace Bilingual.Core.Lexicon;

/// <summary>A dictionary file is missing or unreadable. The message names the file and says how to install or point at it.</summary>
public sealed class LexiconUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LexiconUnavailableException() { }

    /// <summary>Creates the exception with a message.</summary>
    public LexiconUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LexiconUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
