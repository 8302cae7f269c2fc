namespace Uplink.Host.Commands;

/// <summary>One verb of the `uplink` command. Each verb is a class of its own, found by scanning.</summary>
internal interface ICommand
{
    /// <summary>The verb, as typed (for example <c>inspect</c>, or <c>plugins trust</c> for a sub-verb).</summary>
    string Name { get; }

    /// <summary>One line for <c>uplink --help</c>.</summary>
    string Summary { get; }

    /// <summary>Runs the verb.</summary>
    /// <param name="args">The arguments after the verb.</param>
    /// <param name="cancellationToken">Signalled on Ctrl-C.</param>
    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
