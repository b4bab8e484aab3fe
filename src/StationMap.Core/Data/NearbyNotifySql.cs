namespace StationMap.Data;

/// <summary>SQL of the station-change notification used by the nearest index (see migration NearbyNotify).</summary>
internal static class NearbyNotifySql
{
    public const string Up = """
        CREATE OR REPLACE FUNCTION notify_stations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            n integer;
            ids text;
        BEGIN
            SELECT count(*) INTO n FROM changed_rows;
            IF n = 0 THEN
                RETURN NULL;
            ELSIF n > 200 THEN
                PERFORM pg_notify('stations_changed', 'all');
            ELSE
                SELECT string_agg(id::text, ',') INTO ids FROM changed_rows;
                PERFORM pg_notify('stations_changed', ids);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER stations_notify_insert AFTER INSERT ON stations
            REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_stations_changed();
        CREATE TRIGGER stations_notify_update AFTER UPDATE ON stations
            REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_stations_changed();
        CREATE TRIGGER stations_notify_delete AFTER DELETE ON stations
            REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_stations_changed();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS stations_notify_insert ON stations;
        DROP TRIGGER IF EXISTS stations_notify_update ON stations;
        DROP TRIGGER IF EXISTS stations_notify_delete ON stations;
        DROP FUNCTION IF EXISTS notify_stations_changed();
        """;
}
