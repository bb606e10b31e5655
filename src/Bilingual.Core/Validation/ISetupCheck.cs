namespace Bilingual.Core.Validation;

/// <summary>
/// A check a job runs before it does any work, so that a store it would fail on halfway (missing, unwritable,
/// damaged) stops it at the start with one clear message instead.
/// </summary>
public interface ISetupCheck
{
    /// <summary>Checks the setup; cheap enough to run at every start.</summary>
    /// <exception cref="SetupException">The setup is unusable; the message names the key, the file and the fix.</exception>
    Task CheckAsync(CancellationToken cancellationToken);
}
