// The browser's position is WGS-84 (GPS), whatever tiles the map shows.

export function locateMe() {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('geoUnsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude, coordsys: 'wgs84' }),
      (e) => reject(new Error(e.code === e.PERMISSION_DENIED ? 'geoDenied' : 'geoUnavailable')),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 },
    );
  });
}
