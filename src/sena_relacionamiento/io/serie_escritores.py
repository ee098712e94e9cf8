"""Escritores de la serie mensual: texto (una tabla por ámbito, los meses como columnas), JSON,
CSV con las filas de `Serie.filas()`, CSV para Excel en español y, en `serie_graficos`, XLSX (una
hoja por indicador) y HTML con un gráfico de evolución por indicador (issue 17).

>>> from sena_relacionamiento import Periodo, serie
>>> from sena_relacionamiento.io import datos_de_ejemplo
>>> s = serie(datos_de_ejemplo(), Periodo(2012, 1), Periodo(2012, 3))
>>> print(serie_csv(s).splitlines()[1])
2012-01,nacional,CO,SISMEG_FORMADOS,2011-12-26,2012-01-25,1290,20000,1290,,EN_CURSO,AMARILLO
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, Final

import attrs

from sena_relacionamiento import formato
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io.escritores import (
    ENCABEZADO_CSV_EXCEL,
    _celda_csv,
    _excluidos,
    _json,
    _sin_control,
    _tabla,
    csv_excel,
    filas_csv_excel,
)
from sena_relacionamiento.io.serie_graficos import serie_html, serie_xlsx
from sena_relacionamiento.serie import COLUMNAS_SERIE

if TYPE_CHECKING:
    from sena_relacionamiento.informe import Tablero
    from sena_relacionamiento.parametros import Parametros
    from sena_relacionamiento.serie import Serie

__all__ = [
    "ESQUEMA_JSON_SERIE",
    "FORMATOS_SERIE",
    "datos_json_serie",
    "generar_serie",
    "serie_csv",
    "serie_csv_excel",
    "serie_html",
    "serie_json",
    "serie_texto",
    "serie_xlsx",
]

FORMATOS_SERIE: Final = ("texto", "json", "csv", "csv-excel", "xlsx", "html")
"""Los formatos de salida de la serie, en el orden de ``--formato``."""

ESQUEMA_JSON_SERIE: Final = 1
"""La versión del esquema JSON de la serie (``esquemas/serie.schema.json``)."""


# --- Texto ---


def _tablero_serie(
    tableros: list[Tablero], periodos: list[str], parametros: Parametros
) -> list[str]:
    titulo = _sin_control(formato.titulo(tableros[-1], parametros))
    lineas = [titulo, "=" * len(titulo)]
    por_indicador = zip(*(t.resultados for t in tableros), strict=True)
    lineas += _tabla(
        ("Indicador", *periodos),
        ((rs[0].indicador.etiqueta, *(formato.valor(r) for r in rs)) for rs in por_indicador),
    )
    return [*lineas, ""]


def serie_texto(s: Serie) -> str:
    """La serie para leer en la terminal: una tabla por ámbito (la nación, los roles, las
    regionales con datos en algún mes y los gestores) con un renglón por indicador y una
    columna por periodo, y los excluidos por periodo (R23)."""
    periodos = [str(p) for p in s.periodos]
    ultimo = s.informes[-1]
    lineas = [
        f"Serie de la Circular 109 de 2012 — de {s.desde.etiqueta()} a {s.hasta.etiqueta()}",
        f"Del {formato.fecha(s.desde.inicio)} al {formato.fecha(s.hasta.fin)} "
        f"(corte día {s.desde.dia_corte}); valores al corte de cada periodo",
        "",
    ]

    infs, p = s.informes, ultimo.parametros
    lineas += _tablero_serie([i.nacional for i in infs], periodos, p)
    for rol in ultimo.roles:
        lineas += _tablero_serie([i.roles[rol] for i in infs], periodos, p)
    sin_datos = 0
    for codigo in ultimo.regionales:
        de_la_regional = [i.regionales[codigo] for i in infs]
        if any(formato.con_datos(t) for t in de_la_regional):
            lineas += _tablero_serie(de_la_regional, periodos, p)
        else:
            sin_datos += 1
    if sin_datos:
        lineas += [f"Regionales sin datos en la serie (no se muestran): {sin_datos}", ""]
    # Los gestores son los mismos en todos los periodos: vienen de los mismos datos.
    for id_gestor in ultimo.gestores:
        lineas += _tablero_serie([i.gestores[id_gestor] for i in infs], periodos, p)
    lineas.append("Registros excluidos por periodo:")
    lineas += _tabla(
        ("Periodo", "Excluidos"),
        ((str(inf.periodo), formato.numero(sum(_excluidos(inf).values()))) for inf in s.informes),
    )
    return "\n".join(lineas) + "\n"


# --- JSON ---


def _parametros(p: Parametros) -> dict[str, Any]:
    return {a.name: _json(getattr(p, a.name)) for a in attrs.fields(type(p))}


def datos_json_serie(s: Serie) -> dict[str, Any]:
    """La serie como objeto JSON del esquema 1 de la serie (ver docs/esquema_json.md)."""
    vigencias = {inf.parametros.vigencia: inf.parametros for inf in s.informes}
    return {
        "esquema": ESQUEMA_JSON_SERIE,
        "desde": str(s.desde),
        "hasta": str(s.hasta),
        "inicio": s.desde.inicio.isoformat(),
        "fin": s.hasta.fin.isoformat(),
        "dia_corte": s.desde.dia_corte,
        "periodos": [str(p) for p in s.periodos],
        "parametros": [_parametros(vigencias[v]) for v in sorted(vigencias)],
        "resultados": [{k: _json(fila[k]) for k in COLUMNAS_SERIE} for fila in s.filas()],
        "excluidos": {str(inf.periodo): _excluidos(inf) for inf in s.informes},
    }


def serie_json(s: Serie) -> str:
    """La serie como texto JSON (UTF-8, sin escapar las tildes, con sangría de 2)."""
    return json.dumps(datos_json_serie(s), ensure_ascii=False, indent=2) + "\n"


# --- CSV ---


def serie_csv(s: Serie) -> str:
    """Las filas de `Serie.filas()` como CSV, con las convenciones de `informe_csv`."""
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\n")
    escritor.writerow(COLUMNAS_SERIE)
    for fila in s.filas():
        escritor.writerow([_celda_csv(fila[k]) for k in COLUMNAS_SERIE])
    return salida.getvalue()


@formato.contexto_propio
def serie_csv_excel(s: Serie) -> str:
    """La serie como CSV para Excel en español: la columna «Periodo» y las de
    `informe_csv_excel`, con las mismas cifras (R32)."""
    return csv_excel(
        ("Periodo", *ENCABEZADO_CSV_EXCEL),
        ([str(inf.periodo), *fila] for inf in s.informes for fila in filas_csv_excel(inf)),
    )


def generar_serie(s: Serie, formato_: str) -> str | bytes:
    """La serie en el formato pedido (uno de `FORMATOS_SERIE`): bytes para ``xlsx``, texto
    para los demás; otro formato es un `DatoInvalido`."""
    if formato_ == "texto":
        return serie_texto(s)
    if formato_ == "json":
        return serie_json(s)
    if formato_ == "csv":
        return serie_csv(s)
    if formato_ == "csv-excel":
        return serie_csv_excel(s)
    if formato_ == "xlsx":
        return serie_xlsx(s)
    if formato_ == "html":
        return serie_html(s)
    raise DatoInvalido(
        "no es un formato de salida de la serie; se esperaba uno de: " + ", ".join(FORMATOS_SERIE),
        campo="formato",
        valor=formato_,
    )
