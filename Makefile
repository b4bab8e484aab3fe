# The two commands: `make run` and `make test`. Everything they need is installed and started here.
SHELL := /bin/bash
PORT ?= 5080
PG_PORT ?= 5433
PG_TEST_PORT ?= 5434
PG_DIR ?= $(CURDIR)/.local/pg
PG_TEST_DIR ?= $(CURDIR)/.local/pgtest
CLI := dotnet run --project src/StationMap.Cli -c Release --no-build --
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: run test stop build db key cluster cluster-stop cluster-status container

build:
	@scripts/web.sh
	dotnet build StationMap.sln -c Release -nologo -v q

db:
	@scripts/pg.sh start "$(PG_DIR)" $(PG_PORT)

## make run: install what is missing, start the local PostGIS, migrate, seed, serve on http://127.0.0.1:$(PORT)
run: db build
	@export ConnectionStrings__StationMap="$$(scripts/pg.sh ensure-db "$(PG_DIR)" $(PG_PORT) stationmap)"; \
	$(CLI) db migrate && $(CLI) db seed && \
	echo "" && \
	echo "  StationMap     http://127.0.0.1:$(PORT)/            (courier page)" && \
	echo "  Staff console  http://127.0.0.1:$(PORT)/admin" && \
	echo "  API            http://127.0.0.1:$(PORT)/api/v1/stations?adcode=110108" && \
	echo "  OpenAPI        http://127.0.0.1:$(PORT)/openapi/v1.json" && \
	echo "  PostGIS        127.0.0.1:$(PG_PORT), data in $(PG_DIR) (make stop stops it)" && \
	echo "  Staff key      make key ORG=110000 ROLE=admin   (in another terminal)" && \
	echo "" && \
	ASPNETCORE_URLS=http://127.0.0.1:$(PORT) dotnet run --project src/StationMap.Api -c Release --no-build --no-launch-profile

## make key ORG=110108 ROLE=editor: print a new staff key for the local database
ORG ?= 110000
ROLE ?= admin
key: db
	@export ConnectionStrings__StationMap="$$(scripts/pg.sh ensure-db "$(PG_DIR)" $(PG_PORT) stationmap)"; \
	$(CLI) keys create --org $(ORG) --role $(ROLE)

## make test: the same provisioning on a throw-away cluster, then every test
test:
	@scripts/test.sh

stop:
	@scripts/pg.sh stop "$(PG_DIR)"
	@scripts/pg.sh stop "$(PG_TEST_DIR)"

## make cluster: PostgreSQL primary + hot standby, two API instances, HAProxy on http://127.0.0.1:5090 (docs/deployment.md)
cluster: build
	@scripts/cluster.sh start

cluster-stop:
	@scripts/cluster.sh stop

cluster-status:
	@scripts/cluster.sh status

## make container: OCI image archive of the API by the .NET SDK (no Dockerfile, no daemon); CONTAINER_BASE=registry/aspnet:10.0 for a mirror
CONTAINER_ARCHIVE ?= $(CURDIR)/.local/container/stationmap-api.tar.gz
container: build
	dotnet publish src/StationMap.Api -c Release --no-build -nologo -t:PublishContainer \
	  -p:ContainerArchiveOutputPath=$(CONTAINER_ARCHIVE) $(if $(CONTAINER_BASE),-p:ContainerBaseImage=$(CONTAINER_BASE))
	@echo "image archive: $(CONTAINER_ARCHIVE)  (docker load -i / podman load -i; run with -e ConnectionStrings__StationMap=… -p 8080:8080)"
