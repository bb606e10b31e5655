namespace Bilingual.Core.Pipeline;

/// <summary>
/// A job's input is unusable: a file missing, unreadable or malformed, or options that contradict each other.
/// The message names the file (or option) and the problem; hosts report it as an input error.
/// </summary>
public sealed class JobInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobInputException() { }

    /// <summary>Creates the exception with a message that names the file and the problem.</summary>
    public JobInputException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public JobInputException(string message, Exception innerException) : base(message, innerException) { }
}
