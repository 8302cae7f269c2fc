namespace Uplink.Dicom.Network.Pdus;

/// <summary>Encodes the association-control PDUs (PS3.8 9.3). P-DATA-TF is framed by <see cref="Associations.DataTransferWriter"/>.</summary>
internal static class PduEncoder
{
    public static byte[] Encode(AssociateRequest request)
    {
        var writer = StartAssociation(PduType.AssociateRequest, request.ProtocolVersion, request.CalledAeTitle, request.CallingAeTitle, request.ApplicationContext);
        foreach (var context in request.PresentationContexts)
        {
            writer.WriteItem(0x20, w =>
            {
                w.WriteByte(context.Id);
                w.WriteZeros(3);
                w.WriteTextItem(0x30, context.AbstractSyntax);
                foreach (var syntax in context.TransferSyntaxes)
                {
                    w.WriteTextItem(0x40, syntax);
                }
            });
        }

        WriteUserInformation(writer, request.UserInformation);
        return writer.ToArray();
    }

    public static byte[] Encode(AssociateAccept accept)
    {
        var writer = StartAssociation(PduType.AssociateAccept, accept.ProtocolVersion, accept.CalledAeTitle, accept.CallingAeTitle, accept.ApplicationContext);
        foreach (var result in accept.PresentationContexts)
        {
            writer.WriteItem(0x21, w =>
            {
                w.WriteByte(result.Id);
                w.WriteByte(0);
                w.WriteByte(result.Result);
                w.WriteByte(0);
                w.WriteTextItem(0x40, result.TransferSyntax);
            });
        }

        WriteUserInformation(writer, accept.UserInformation);
        return writer.ToArray();
    }

    public static byte[] Encode(AssociateReject reject)
    {
        var writer = new PduWriter(PduType.AssociateReject);
        writer.WriteByte(0);
        writer.WriteByte(reject.Result);
        writer.WriteByte(reject.Source);
        writer.WriteByte(reject.Reason);
        return writer.ToArray();
    }

    public static byte[] Encode(AbortPdu abort)
    {
        var writer = new PduWriter(PduType.Abort);
        writer.WriteZeros(2);
        writer.WriteByte((byte)abort.Source);
        writer.WriteByte((byte)abort.Reason);
        return writer.ToArray();
    }

    public static byte[] EncodeRelease(PduType type)
    {
        var writer = new PduWriter(type);
        writer.WriteZeros(4);
        return writer.ToArray();
    }

    private static PduWriter StartAssociation(PduType type, ushort version, string called, string calling, string context)
    {
        var writer = new PduWriter(type);
        writer.WriteUInt16(version);
        writer.WriteZeros(2);
        writer.WriteAeTitle(called);
        writer.WriteAeTitle(calling);
        writer.WriteZeros(32);
        writer.WriteTextItem(0x10, context);
        return writer;
    }

    private static void WriteUserInformation(PduWriter writer, UserInformation user) =>
        writer.WriteItem(0x50, w =>
        {
            w.WriteItem(0x51, m => m.WriteUInt32(user.MaxPduLength));
            w.WriteTextItem(0x52, user.ImplementationClassUid);
            if (user.AsyncWindowProposed)
            {
                // Operations invoked and performed both 1: the default, i.e. the window is declined.
                w.WriteItem(0x53, a =>
                {
                    a.WriteUInt16(1);
                    a.WriteUInt16(1);
                });
            }

            foreach (var role in user.RoleSelections)
            {
                w.WriteItem(0x54, r =>
                {
                    r.WriteUInt16((ushort)role.SopClassUid.Length);
                    r.WriteAscii(role.SopClassUid);
                    r.WriteByte(role.ScuRole ? (byte)1 : (byte)0);
                    r.WriteByte(role.ScpRole ? (byte)1 : (byte)0);
                });
            }

            if (!string.IsNullOrEmpty(user.ImplementationVersionName))
            {
                w.WriteTextItem(0x55, user.ImplementationVersionName);
            }
        });
}
