namespace Uplink.Dicom.Network.Pdus;

/// <summary>
/// Decodes PDU bodies (the bytes after the 6-byte header). Every failure is a <see cref="PduFormatException"/>
/// with the A-ABORT reason and the byte offset in the PDU; nothing else escapes.
/// </summary>
internal static class PduDecoder
{
    private const int HeaderLength = 6;

    public static AssociateRequest DecodeAssociateRequest(ReadOnlyMemory<byte> body)
    {
        var (version, called, calling, context, items, user) = DecodeAssociation(body, request: true);
        var contexts = items.Select(i => DecodeProposal(i)).ToArray();
        return new AssociateRequest(version, called, calling, context, contexts, user);
    }

    public static AssociateAccept DecodeAssociateAccept(ReadOnlyMemory<byte> body)
    {
        var (version, called, calling, context, items, user) = DecodeAssociation(body, request: false);
        var results = items.Select(i => DecodeResult(i)).ToArray();
        return new AssociateAccept(version, called, calling, context, results, user);
    }

    public static AssociateReject DecodeAssociateReject(ReadOnlyMemory<byte> body)
    {
        var cursor = new ByteCursor(body, HeaderLength);
        cursor.Skip(1);
        return new AssociateReject(cursor.ReadByte(), cursor.ReadByte(), cursor.ReadByte());
    }

    public static AbortPdu DecodeAbort(ReadOnlyMemory<byte> body)
    {
        var cursor = new ByteCursor(body, HeaderLength);
        cursor.Skip(2);
        var source = cursor.ReadByte();
        var reason = cursor.ReadByte();

        // Unknown codes are kept as numbers: an abort is honoured whatever it says.
        return new AbortPdu((AbortSource)source, (AbortReason)reason);
    }

    /// <summary>The PDV items of a P-DATA-TF body. Each must hold at least its context id and control header.</summary>
    public static List<Pdv> DecodeDataTransfer(ReadOnlyMemory<byte> body)
    {
        var cursor = new ByteCursor(body, HeaderLength);
        var pdvs = new List<Pdv>();
        while (cursor.Remaining > 0)
        {
            var at = cursor.Offset;
            var length = cursor.ReadUInt32();
            if (length < 2 || length > int.MaxValue)
            {
                throw new PduFormatException(AbortReason.InvalidPduParameterValue, $"PDV item at byte {at} has length {length}; it must be at least 2 and fit in the PDU.");
            }

            var item = cursor.Item((int)length, $"PDV item at byte {at}");
            var id = item.ReadByte();
            var control = item.ReadByte();
            if ((control & 0xFC) != 0)
            {
                throw new PduFormatException(AbortReason.InvalidPduParameterValue, $"PDV item at byte {at} has control header 0x{control:X2}; only bits 0 and 1 are defined.");
            }

            pdvs.Add(new Pdv(id, control, item.Take(item.Remaining, "PDV data")));
        }

        if (pdvs.Count == 0)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, "P-DATA-TF holds no PDV item.");
        }

        return pdvs;
    }

    /// <summary>Checks the body of A-RELEASE-RQ/RP: exactly 4 reserved bytes.</summary>
    public static void DecodeRelease(ReadOnlyMemory<byte> body, PduType type)
    {
        if (body.Length != 4)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, $"{type} has length {body.Length}; it must be 4.");
        }
    }

    private static (ushort Version, string Called, string Calling, string Context, List<ByteCursor> Contexts, UserInformation User)
        DecodeAssociation(ReadOnlyMemory<byte> body, bool request)
    {
        var cursor = new ByteCursor(body, HeaderLength);
        var version = cursor.ReadUInt16();
        cursor.Skip(2);
        var called = cursor.ReadAscii(16, "called AE title");
        var calling = cursor.ReadAscii(16, "calling AE title");
        cursor.Skip(32);

        string? context = null;
        UserInformation? user = null;
        var contexts = new List<ByteCursor>();
        var contextType = request ? (byte)0x20 : (byte)0x21;
        while (cursor.Remaining > 0)
        {
            var at = cursor.Offset;
            var type = cursor.ReadByte();
            cursor.Skip(1);
            var item = cursor.Item(cursor.ReadUInt16(), $"item 0x{type:X2} at byte {at}");
            if (type == 0x10)
            {
                context = item.ReadAscii(item.Remaining, "application context name");
            }
            else if (type == contextType)
            {
                contexts.Add(item);
            }
            else if (type == 0x50)
            {
                user = DecodeUserInformation(item);
            }
            else
            {
                throw new PduFormatException(AbortReason.UnrecognizedPduParameter, $"Unknown item type 0x{type:X2} at byte {at}.");
            }
        }

        if (context is null)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, "The application context item (0x10) is missing.");
        }

        if (user is null)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, "The user information item (0x50) is missing.");
        }

        return (version, called, calling, context, contexts, user);
    }

    private static PresentationContext DecodeProposal(ByteCursor item)
    {
        var at = item.Offset;
        var id = item.ReadByte();
        if (id % 2 == 0)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, $"Presentation context id {id} at byte {at} is even; ids are odd numbers 1-255.");
        }

        item.Skip(3);
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        while (item.Remaining > 0)
        {
            var subAt = item.Offset;
            var type = item.ReadByte();
            item.Skip(1);
            var length = item.ReadUInt16();
            var value = item.ReadAscii(length, $"sub-item 0x{type:X2} at byte {subAt}");
            switch (type)
            {
                case 0x30 when abstractSyntax is null:
                    abstractSyntax = value;
                    break;
                case 0x40:
                    transferSyntaxes.Add(value);
                    break;
                default:
                    throw new PduFormatException(AbortReason.UnexpectedPduParameter, $"Unexpected sub-item 0x{type:X2} at byte {subAt} in presentation context {id}.");
            }
        }

        if (abstractSyntax is null || transferSyntaxes.Count == 0)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, $"Presentation context {id} at byte {at} needs one abstract syntax and at least one transfer syntax.");
        }

        return new PresentationContext(id, abstractSyntax, transferSyntaxes);
    }

    private static PresentationContextResult DecodeResult(ByteCursor item)
    {
        var id = item.ReadByte();
        item.Skip(1);
        var result = item.ReadByte();
        item.Skip(1);
        var transferSyntax = string.Empty;
        while (item.Remaining > 0)
        {
            var subAt = item.Offset;
            var type = item.ReadByte();
            item.Skip(1);
            var value = item.ReadAscii(item.ReadUInt16(), $"sub-item 0x{type:X2} at byte {subAt}");
            if (type != 0x40)
            {
                throw new PduFormatException(AbortReason.UnexpectedPduParameter, $"Unexpected sub-item 0x{type:X2} at byte {subAt} in presentation context result {id}.");
            }

            transferSyntax = value;
        }

        return new PresentationContextResult(id, result, transferSyntax);
    }

    private static UserInformation DecodeUserInformation(ByteCursor item)
    {
        uint? maxLength = null;
        string? implementationClass = null;
        string? versionName = null;
        var roles = new List<RoleSelection>();
        var asyncWindow = false;
        while (item.Remaining > 0)
        {
            var at = item.Offset;
            var type = item.ReadByte();
            item.Skip(1);
            var sub = item.Item(item.ReadUInt16(), $"user information sub-item 0x{type:X2} at byte {at}");
            switch (type)
            {
                case 0x51:
                    maxLength = sub.ReadUInt32();
                    break;
                case 0x52:
                    implementationClass = sub.ReadAscii(sub.Remaining, "implementation class UID");
                    break;
                case 0x53:
                    asyncWindow = true;
                    break;
                case 0x54:
                    var uid = sub.ReadAscii(sub.ReadUInt16(), "role selection SOP class UID");
                    roles.Add(new RoleSelection(uid, sub.ReadByte() == 1, sub.ReadByte() == 1));
                    break;
                case 0x55:
                    versionName = sub.ReadAscii(sub.Remaining, "implementation version name");
                    break;
                default:
                    // Extended negotiation (0x56/0x57), user identity (0x58) and any later sub-item are
                    // optional for the acceptor: not answering them declines them (PS3.7 annex D.3.3).
                    break;
            }
        }

        if (maxLength is null)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, "The maximum length sub-item (0x51) is missing from user information.");
        }

        return new UserInformation(maxLength.Value, implementationClass ?? string.Empty, versionName, roles, asyncWindow);
    }
}
