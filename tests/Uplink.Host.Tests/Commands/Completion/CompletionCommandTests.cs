using System.Diagnostics;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Completion;
using Uplink.Host.Tests.EndToEnd.Support;

namespace Uplink.Host.Tests.Commands.Completion;

public sealed class CompletionCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-completion-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("uplink plugins tr", "trust")]
    [InlineData("uplink anonymize --pr", "--profile")]
    [InlineData("uplink tricefy s", "simulate")]
    public async Task The_bash_script_completes_with_the_real_uplink(string line, string expected)
    {
        var bash = new[] { "/bin/bash", "/usr/bin/bash" }.FirstOrDefault(File.Exists);
        if (bash is null || !File.Exists(Path.Combine(UplinkProcess.HostFolder, "uplink")))
        {
            Assert.Skip("needs bash and the built uplink executable");
        }

        using var script = new StringWriter();
        Assert.Equal(ExitCodes.Success, await new CompletionCommand(new ConsoleOutput(script, TextWriter.Null)).RunAsync(["bash"], TestContext.Current.CancellationToken));
        var scriptPath = Path.Combine(_folder, "uplink.bash");
        await File.WriteAllTextAsync(scriptPath, script.ToString(), TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo(bash!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{UplinkProcess.HostFolder}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["LINE"] = line;
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($$"""
            source '{{scriptPath}}'
            read -r -a COMP_WORDS <<< "$LINE"
            [[ "$LINE" == *' ' ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$LINE"; COMP_POINT=${#LINE}
            _uplink_complete
            echo "${COMPREPLY[*]}"
            """);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, output.Trim());
    }
}
