namespace Uplink.Tricefy.Simulator.Faults;

/// <summary>A failure the simulator can be told to produce on the next requests.</summary>
public enum FaultKind
{
    /// <summary>Answers 503 Service Unavailable without looking at the request.</summary>
    ServiceUnavailable,

    /// <summary>Waits before handling the request normally (a slow cloud).</summary>
    SlowResponse,

    /// <summary>Reads the request, then drops the connection without an answer and without storing.</summary>
    DropConnection,

    /// <summary>Answers 401 Unauthorized as if the token had been revoked.</summary>
    Unauthorized,
}
