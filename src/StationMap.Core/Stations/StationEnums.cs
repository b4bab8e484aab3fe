namespace StationMap.Stations;

/// <summary>standard ≥ 5 m², micro &lt; 5 m² ("一平米温暖爱心驿站"), mobile (vehicle).</summary>
public enum StationType { Standard, Micro, Mobile }

public enum StationStatus { Active, Suspended, Closed }

/// <summary>Who hosts the room; most stations are in someone else's building.</summary>
public enum HostKind { PostOffice, Bank, PetrolStation, Telecom, Community, Government, Enterprise, Union, Other }
