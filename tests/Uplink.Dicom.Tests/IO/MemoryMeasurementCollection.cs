namespace Uplink.Dicom.Tests.IO;

/// <summary>
/// Tests that measure the process's working set run alone: memory other test classes allocate in parallel
/// (fuzzing, corpus round trips) lands in the same process and would be counted against the codec.
/// </summary>
[CollectionDefinition(nameof(MemoryMeasurementCollection), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection;
