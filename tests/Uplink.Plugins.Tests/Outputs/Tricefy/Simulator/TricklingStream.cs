namespace Uplink.Plugins.Tests.Outputs.Tricefy.Simulator;

/// <summary>A request body that sends 1 KiB per pause: a client (or a link) too slow for the budget.</summary>
internal sealed class TricklingStream(byte[] content, TimeSpan pause) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= content.Length)
        {
            return 0;
        }

        await Task.Delay(pause, cancellationToken);
        var n = Math.Min(Math.Min(1024, buffer.Length), content.Length - _position);
        content.AsMemory(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
