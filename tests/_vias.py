"""Las dos vías de cálculo de los indicadores, para correr cada caso trabajado por ambas.

- ``informe``: `informe(datos, periodo)`, la vía por registros (`indicadores/<x>.py`).
- ``tablas``: `informe_tabular` sobre tablas polars con los mismos registros, la vía por
  columnas (`tablas/<x>.py`).

`Via.informe` da en las dos un `Informe`. En la vía ``tablas``, cada cifra de cada fila
(inicio, fin, valor, meta, numerador, denominador, estado, semáforo) es la de
`informe_tabular`; lo que solo calcula la vía por registros (el `detalle` de cada resultado,
los registros excluidos uno por uno) se toma del núcleo, después de comprobar que
`informe_tabular` excluye en cada tabla tantas filas por cada motivo como el núcleo (R23). Un
error de una vía debe ser el de la otra: mismo tipo.

Los demás motores (pandas, pyarrow, DuckDB) se prueban en el diferencial (tests/test_tablas.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs
import pytest

from sena_relacionamiento import (
    PARAMETROS_2012,
    Asignacion,
    DatosSeguimiento,
    ErrorSena,
    Estado,
    Gestor,
    Parametros,
    Periodo,
    Semaforo,
    informe,
)
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.informe import Informe, Tablero
from sena_relacionamiento.registros import Registro

__all__ = ["VIAS", "Via", "marcos_polars", "tabla_de"]

VIAS: Final = ("informe", "tablas")


def _mismo(v: Any) -> Any:
    return v


# Tabla → (columna, tipo polars, conversor del valor del registro).
def _columnas(etiquetas: bool) -> dict[str, list[tuple[str, Any, Callable[[Any], Any]]]]:
    """Con `etiquetas`, las regionales por su nombre y los enums por su etiqueta en español
    (``"Huila"``, ``"Estratégico"``, ``"Telefónico"``); si no, por código y nombre."""
    import polars as pl

    def _regional(r: Any) -> str:
        return str(r.nombre if etiquetas else r.codigo)

    def _nombre(e: Any) -> str:
        return str(e.etiqueta if etiquetas else e.name)

    texto, fecha, entero, booleano = pl.String, pl.Date, pl.Int64, pl.Boolean
    return {
        "gestores": [("id", texto, str), ("rol", texto, _nombre), ("regional", texto, _regional)],
        "asignaciones": [("gestor", texto, str), ("nit", texto, str)],
        "contactos": [
            ("gestor", texto, str),
            ("nit", texto, str),
            ("fecha", fecha, _mismo),
            ("tipo", texto, _nombre),
            ("medio", texto, _nombre),
        ],
        "servicios": [
            ("nit", texto, str),
            ("fecha", fecha, _mismo),
            ("servicio", texto, str),
            ("gestor", texto, _mismo),
        ],
        "solicitudes": [
            ("id", texto, str),
            ("fecha", fecha, _mismo),
            ("servicio", texto, str),
            ("regional", texto, _regional),
            ("gestor", texto, _mismo),
            ("nit", texto, _mismo),
            ("fecha_gestion", fecha, _mismo),
        ],
        "ambientes": [
            ("gestor", texto, str),
            ("fecha", fecha, _mismo),
            ("valor", entero, int),
            ("cantidad", entero, int),
        ],
        "contratos": [
            ("nit", texto, str),
            ("regional", texto, _regional),
            ("fecha", fecha, _mismo),
            ("obligada", booleano, bool),
            ("cuota_regulada", entero, int),
        ],
        "cuotas": [
            ("nit", texto, str),
            ("cuota_regulada", entero, int),
            ("monetiza", booleano, bool),
            ("gestor", texto, _mismo),
        ],
        "eventos": [
            ("regional", texto, _regional),
            ("fecha", fecha, _mismo),
            ("asistentes", entero, int),
            ("razon", texto, str),
            ("gestor", texto, _mismo),
        ],
        "logros": [
            ("gestor", texto, str),
            ("fecha", fecha, _mismo),
            ("formados", entero, int),
            ("empleos", entero, int),
        ],
    }


def marcos_polars(datos: DatosSeguimiento, *, etiquetas: bool = False) -> dict[str, Any]:
    """Una tabla polars por tipo de registro, con las columnas de API.md."""
    import polars as pl

    marcos = {}
    for tabla, columnas in _columnas(etiquetas).items():
        registros = getattr(datos, tabla)
        marcos[tabla] = pl.DataFrame(
            {c: [f(getattr(r, c)) for r in registros] for c, _, f in columnas},
            schema={c: t for c, t, _ in columnas},
        )
    return marcos


_TABLAS: Final = {
    "Gestor": "gestores",
    "Asignacion": "asignaciones",
    "Contacto": "contactos",
    "ServicioUsado": "servicios",
    "Solicitud": "solicitudes",
    "Ambiente": "ambientes",
    "ContratoAprendizaje": "contratos",
    "EmpresaCuota": "cuotas",
    "Evento": "eventos",
    "LogroSismeg": "logros",
}


def tabla_de(registro: Registro) -> str:
    """La tabla de `informe_tabular` de un registro."""
    return _TABLAS[type(registro).__name__]


@attrs.frozen
class Via:
    """Una vía de cálculo (``informe`` o ``tablas``)."""

    nombre: str

    def informe(
        self, datos: DatosSeguimiento, periodo: Periodo, *, parametros: Parametros = PARAMETROS_2012
    ) -> Informe:
        if self.nombre == "informe":
            return informe(datos, periodo, parametros=parametros)
        return _por_tablas(datos, periodo, parametros)

    def informe_de(
        self,
        gestores: Sequence[Gestor],
        asignaciones: Sequence[Asignacion] = (),
        *,
        mes: int = 3,
        **otros: Any,
    ) -> Informe:
        """El informe de 2012-`mes` de unos datos armados con `datos` (ver `_constructores`)."""
        datos = DatosSeguimiento(gestores=gestores, asignaciones=asignaciones, **otros)
        return self.informe(datos, Periodo(2012, mes))


def _por_tablas(datos: DatosSeguimiento, periodo: Periodo, parametros: Parametros) -> Informe:
    from sena_relacionamiento.tablas import a_filas, informe_tabular

    try:
        tabular = informe_tabular(periodo=periodo, parametros=parametros, **marcos_polars(datos))
    except ErrorSena as error:
        with pytest.raises(type(error)):  # el núcleo da el mismo error
            informe(datos, periodo, parametros=parametros)
        raise
    try:
        nucleo = informe(datos, periodo, parametros=parametros)
    except ErrorSena as error:  # pragma: no cover - solo si las vías discrepan
        pytest.fail(f"la vía por registros da {error!r} y la vía por columnas no")
    excluidos: Counter[tuple[str, str]] = Counter(
        (tabla_de(e.registro), e.motivo) for e in nucleo.excluidos
    )
    assert {
        (tabla, motivo): n
        for tabla, motivos in tabular.excluidos.items()
        for motivo, n in motivos.items()
    } == dict(excluidos), "las vías excluyen distinto (R23)"
    filas = {(f["ambito"], f["clave"], f["indicador"]): f for f in a_filas(tabular.filas)}
    assert len(filas) == len(nucleo.filas())

    def tablero(t: Tablero) -> Tablero:
        campos: dict[str, Any] = {}
        for resultado in t.resultados:
            fila = filas[t.ambito.name.lower(), t.clave, resultado.indicador.name]
            campos[resultado.indicador.name.lower()] = attrs.evolve(
                resultado,
                inicio=fila["inicio"],
                fin=fila["fin"],
                valor=fila["valor"],
                meta=fila["meta"],
                numerador=fila["numerador"],
                denominador=fila["denominador"],
                estado=Estado[fila["estado"]],
                semaforo=None if fila["semaforo"] is None else Semaforo[fila["semaforo"]],
            )
        return attrs.evolve(t, **campos)

    return attrs.evolve(
        nucleo,
        nacional=tablero(nucleo.nacional),
        roles=MapaFijo({k: tablero(v) for k, v in nucleo.roles.items()}),
        regionales=MapaFijo({k: tablero(v) for k, v in nucleo.regionales.items()}),
        gestores=MapaFijo({k: tablero(v) for k, v in nucleo.gestores.items()}),
    )
