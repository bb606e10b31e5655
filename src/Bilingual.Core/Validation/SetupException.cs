namespace Bilingual.Core.Validation;

/// <summary>
/// The setup a job needs is unusable: a store that cannot be opened or is damaged, an output folder that cannot be
/// written. The message names the key and the file, the problem and the fix; hosts report it on one line and exit
/// with the setup error code (2).
/// </summary>
public sealed class SetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SetupException() { }

    /// <summary>Creates the exception with a message that names the key or file, the problem and the fix.</summary>
    public SetupException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SetupException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>
    /// Creates the exception for the setting <paramref name="key"/>, whose value is <paramref name="path"/>:
    /// <c>KEY is PATH: PROBLEM; FIX</c>.
    /// </summary>
    public SetupException(string key, string path, string problem, string fix, Exception? innerException = null)
        : base($"{key} is {path}: {problem}; {fix}", innerException)
    {
        Key = key;
        FilePath = path;
    }

    /// <summary>The configuration key whose value is unusable, e.g. <c>Cache:Path</c>.</summary>
    public string? Key { get; }

    /// <summary>The file or folder the key names.</summary>
    public string? FilePath { get; }
}
