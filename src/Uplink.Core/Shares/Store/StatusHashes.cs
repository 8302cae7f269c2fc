using System.Security.Cryptography;
using System.Text;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// Hashes the exam ids that status output may show, keyed with the site's UID key under a label of their own, so
/// an admin can tell two shares of one exam apart from two exams, and nobody can read or guess the exam id back.
/// </summary>
internal static class StatusHashes
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("uplink-status-exam-id:");

    /// <summary>The hash of an exam id: 12 hex digits.</summary>
    /// <param name="key">The site's UID key.</param>
    /// <param name="examId">The exam id.</param>
    /// <returns>For example <c>3f9a0c12b7de</c>.</returns>
    public static string ExamId(byte[] key, string examId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, (byte[])[.. Label, .. Encoding.UTF8.GetBytes(examId)]))[..12];
}
