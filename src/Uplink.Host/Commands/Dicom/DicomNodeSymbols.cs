using System.CommandLine;

namespace Uplink.Host.Commands.Dicom;

/// <summary>The node and connection options <c>uplink dicom echo</c> and <c>uplink dicom send</c> share.</summary>
internal sealed class DicomNodeSymbols
{
    /// <summary>The node to talk to.</summary>
    public Argument<string> Node { get; } = new("AE@HOST:PORT") { Description = "The node: its AE title, host and port, for example PACS@10.0.0.5:104." };

    /// <summary>Our AE title.</summary>
    public Option<string> CallingAeTitle { get; } = new("--aet") { Description = "The calling AE title Uplink presents (default UPLINK).", DefaultValueFactory = _ => "UPLINK" };

    /// <summary>Connection, association and DIMSE timeout.</summary>
    public Option<double> TimeoutSeconds { get; } = new("--timeout") { Description = "Seconds to wait for the node at each step (default 30).", DefaultValueFactory = _ => 30 };

    /// <summary>The largest PDU Uplink receives.</summary>
    public Option<uint> MaxPdu { get; } = new("--max-pdu") { Description = "The largest PDU Uplink accepts, in bytes: 0 (unlimited) or at least 4096 (default 65536).", DefaultValueFactory = _ => 65536 };

    /// <summary>Every symbol, for a verb's list.</summary>
    public IReadOnlyList<Symbol> All => [Node, CallingAeTitle, TimeoutSeconds, MaxPdu];

    /// <summary>Reads the parsed values into a command line, or says what is wrong.</summary>
    /// <param name="parsed">The parse result.</param>
    /// <param name="files">The files (send) or none (echo).</param>
    /// <param name="error">What is wrong.</param>
    /// <returns>The command line, or null.</returns>
    public DicomCommandLine? Read(ParseResult parsed, IReadOnlyList<string> files, out string error) =>
        DicomCommandLine.Create(parsed.GetRequiredValue(Node), parsed.GetValue(CallingAeTitle) ?? "UPLINK", parsed.GetValue(TimeoutSeconds), parsed.GetValue(MaxPdu), files, out error);
}
