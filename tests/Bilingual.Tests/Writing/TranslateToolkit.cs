using System.Text.Json;
using Bilingual.Tests.Support;

namespace Bilingual.Tests.Writing;

/// <summary>Runs a translate-toolkit script under Debian's <c>/usr/bin/python3</c> (package python3-translate).</summary>
internal static class TranslateToolkit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Imports <c>translate.storage.</c><paramref name="module"/> (<c>json</c> and <c>sys</c> too), runs
    /// <paramref name="script"/> with <paramref name="path"/> as <c>sys.argv[1]</c> and parses the JSON it prints.
    /// Without translate-toolkit the test is skipped outside CI and fails under it.
    /// </summary>
    public static async Task<JsonDocument> RunAsync(string module, string script, string path)
    {
        script = $"import json, sys\ntry:\n    from translate.storage import {module}\nexcept ImportError:\n    sys.exit(3)\n{script}";
        // Debian's python3-translate is installed for the system interpreter, not for a pyenv one.
        const string python = "/usr/bin/python3";
        Skip.IfNot(File.Exists(python) || TestPaths.IsCi, $"needs {python} (Debian package python3)");
        var result = await ExternalProgram.RunAsync(python, ["-c", script, path], Timeout);
        Skip.If(result.ExitCode == 3 && !TestPaths.IsCi, "needs translate-toolkit for /usr/bin/python3 (Debian package python3-translate)");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.StandardOutput);
    }
}
