"""Escritores del informe: texto para la terminal, JSON, CSV, XLSX y una página HTML.

Cada formato se genera completo en memoria (`generar`) y se escribe de una vez
(`escribir`): a un archivo temporal de la misma carpeta que luego reemplaza al destino, así
que un fallo nunca deja un archivo a medias.

Inyección de fórmulas, según la salida (ver docs/formatos.md):

- CSV: un texto que empieza por ``=``, ``+``, ``-``, ``@``, un tabulador o un retorno (o por
  una de sus formas de ancho completo, como ``＝``) lleva ``'`` delante (`neutralizar`), y
  también tras cada ``;`` seguido de uno de ellos (`neutralizar_csv`): Excel en español separa
  por ``;`` y cada trozo sería una celda.
- XLSX: el texto queda exacto, como celda de texto con el estilo «prefijo de comilla» de Excel.
- JSON: el texto queda exacto (es para programas).

Los números se escriben como números.

>>> neutralizar("=HYPERLINK(\\"http://x\\")"), neutralizar("Huila"), neutralizar(-5)
('\\'=HYPERLINK("http://x")', 'Huila', -5)
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import stat
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from sena_relacionamiento import formato
from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante
from sena_relacionamiento.indicadores._base import TipoAmbito
from sena_relacionamiento.indicadores.resultado import Indicador, Semaforo
from sena_relacionamiento.informe import COLUMNAS_FILAS
from sena_relacionamiento.io.pagina_html import pagina_html

if TYPE_CHECKING:
    from sena_relacionamiento.informe import Informe, Tablero
    from sena_relacionamiento.parametros import Parametros

__all__ = [
    "COLUMNAS",
    "ESQUEMA_JSON",
    "FORMATOS",
    "datos_json",
    "escribir",
    "escribir_atomico",
    "generar",
    "informe_csv",
    "informe_csv_excel",
    "informe_json",
    "informe_texto",
    "informe_xlsx",
    "neutralizar",
    "neutralizar_csv",
]

FORMATOS: Final = ("texto", "json", "csv", "csv-excel", "xlsx", "html")
"""Los formatos de salida, en el orden de ``--formato``."""

ESQUEMA_JSON: Final = 2
"""La versión del esquema JSON (ver docs/esquema_json.md); sube solo si algo cambia."""

COLUMNAS: Final = COLUMNAS_FILAS
"""Las columnas de `Informe.filas()`, en su orden: las del CSV y de ``resultados`` en JSON."""

_PELIGROSOS: Final = ("=", "+", "-", "@", "\t", "\r", "\n", "\u2212")
# Caracteres de control que un archivo XLSX no admite y que en una terminal pueden ser
# secuencias de escape (ESC es \x1b, CSI de C1 es \x9b) o reordenar lo que se ve (los
# controles bidireccionales U+202A–U+202E y U+2066–U+2069).
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _es_formula(texto: str) -> bool:
    """Si una hoja de cálculo leería el texto como fórmula: empieza por un carácter de
    fórmula o por una forma compatible (``＝``, ``﹦``, ``＋``, ``－``, ``＠``…, que NFKC lleva
    a ``=``, ``+``, ``-``, ``@``) o por el signo menos ``−``."""
    return unicodedata.normalize("NFKC", texto[:1]).startswith(_PELIGROSOS)


def neutralizar(valor: object) -> object:
    """El valor listo para una celda de CSV: un texto que empieza por un carácter de fórmula
    (también de ancho completo, como ``＝``) lleva ``'`` delante; lo demás (números incluidos)
    queda igual.

    >>> neutralizar("＝1+1"), neutralizar("x;=1")
    ("'＝1+1", 'x;=1')
    """
    if isinstance(valor, str) and valor and _es_formula(valor):
        return "'" + valor
    return valor


# --- Texto ---


def _sin_control(texto: str) -> str:
    """El texto sin caracteres de control (en una terminal, secuencias de escape)."""
    return _CONTROL.sub("\ufffd", texto)


def _tabla(encabezado: tuple[str, ...], filas: Iterable[tuple[str, ...]]) -> list[str]:
    """Una tabla de columnas alineadas a la izquierda, separadas por dos espacios."""
    todas = [encabezado, *(tuple(_sin_control(c) for c in fila) for fila in filas)]
    anchos = [max(len(fila[i]) for fila in todas) for i in range(len(encabezado))]
    return [
        "  ".join(c.ljust(a) for c, a in zip(fila, anchos, strict=True)).rstrip() for fila in todas
    ]


def _tablero_texto(
    tablero: Tablero, parametros: Parametros, fracciones: Mapping[Indicador, Fraction]
) -> list[str]:
    titulo = _sin_control(formato.titulo(tablero, parametros))
    lineas = [titulo, "=" * len(titulo)]
    lineas += _tabla(
        ("Indicador", "Valor", "Meta", "Estado", "Semáforo", "Avance", "Detalle"),
        (
            (
                r.indicador.etiqueta,
                formato.valor(r),
                formato.meta(r),
                r.estado.etiqueta,
                formato.etiqueta(r.semaforo),
                formato.cifra_avance(r, fracciones[r.indicador]),
                formato.detalle(r),
            )
            for r in tablero.resultados
        ),
    )
    return [*lineas, ""]


@formato.contexto_propio
def informe_texto(inf: Informe) -> str:
    """El informe para leer en la terminal, en español y con cifras es_CO: una tabla por
    ámbito (la nación, los roles, las regionales con datos y los gestores) con valor, meta,
    estado, semáforo y su avance (R22–R25, R31), y el resumen de excluidos (R23)."""
    p = inf.periodo
    fr = formato.fracciones(p, inf.parametros)
    lineas = [
        f"Informe de la Circular 109 de 2012 — {p.etiqueta()} ({p})",
        f"Del {formato.fecha(p.inicio)} al {formato.fecha(p.fin)} (corte día {p.dia_corte})",
        "",
    ]
    lineas += _tablero_texto(inf.nacional, inf.parametros, fr)
    for tablero in inf.roles.values():
        lineas += _tablero_texto(tablero, inf.parametros, fr)
    sin_datos = 0
    for tablero in inf.regionales.values():
        if formato.con_datos(tablero):
            lineas += _tablero_texto(tablero, inf.parametros, fr)
        else:
            sin_datos += 1
    if sin_datos:
        lineas += [f"Regionales sin datos en el periodo (no se muestran): {sin_datos}", ""]
    for tablero in inf.gestores.values():
        lineas += _tablero_texto(tablero, inf.parametros, fr)
    resumen = _excluidos(inf)
    total = sum(resumen.values())
    if total:
        lineas.append(f"Registros excluidos: {formato.numero(total)}")
        lineas += [f"  {motivo}: {formato.numero(n)}" for motivo, n in resumen.items()]
    else:
        lineas.append("Registros excluidos: ninguno")
    return "\n".join(lineas) + "\n"


def _excluidos(inf: Informe) -> dict[str, int]:
    """Cuántos registros se excluyeron por motivo, sin los motivos en cero, en orden
    alfabético de motivo."""
    return {m: n for m, n in sorted(inf.resumen_excluidos().items()) if n}


# --- JSON ---


def _json(valor: object) -> Any:
    """Un valor como JSON estable: `Decimal` como texto exacto, fechas ISO, enumeraciones
    por nombre, tablas con llaves de texto ordenadas y conjuntos ordenados."""
    if isinstance(valor, Decimal):
        return format(valor, "f")
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, EnumSena):
        return valor.name
    if isinstance(valor, Mapping):
        pares = sorted((str(_json(k)), _json(v)) for k, v in valor.items())
        return dict(pares)
    if isinstance(valor, frozenset):
        return sorted(_json(v) for v in valor)
    return valor


def datos_json(inf: Informe) -> dict[str, Any]:
    """El informe como objeto JSON del esquema 2 (ver docs/esquema_json.md)."""
    p = inf.periodo
    parametros = {
        a.name: _json(getattr(inf.parametros, a.name)) for a in attrs.fields(type(inf.parametros))
    }
    return {
        "esquema": ESQUEMA_JSON,
        "periodo": str(p),
        "inicio": p.inicio.isoformat(),
        "fin": p.fin.isoformat(),
        "dia_corte": p.dia_corte,
        "parametros": parametros,
        "resultados": [{k: _json(fila[k]) for k in COLUMNAS} for fila in inf.filas()],
        "excluidos": _excluidos(inf),
        "gestores": {
            clave: {
                "nombre": formato._nombre(t),
                "regional": t.regional.codigo if t.regional else None,
                "rol": t.rol.name if t.rol else None,
            }
            for clave, t in inf.gestores.items()
        },
    }


def informe_json(inf: Informe) -> str:
    """El informe como texto JSON (UTF-8, sin escapar las tildes, con sangría de 2)."""
    return json.dumps(datos_json(inf), ensure_ascii=False, indent=2) + "\n"


# --- CSV ---


def _celda_csv(valor: object) -> object:
    if valor is None:
        return ""
    if isinstance(valor, Decimal):
        return format(valor, "f")
    if isinstance(valor, date):
        return valor.isoformat()
    return neutralizar_csv(valor)


_TRAS_PUNTO_Y_COMA: Final = re.compile(r";(?=(.))", re.DOTALL)


def neutralizar_csv(valor: object) -> object:
    """`neutralizar` y además, dentro del texto, una ``'`` tras cada ``;`` seguido de un
    carácter de fórmula: Excel en español separa un CSV por ``;``, así que cada trozo es una
    celda que no debe empezar por ``=``.

    >>> neutralizar_csv("x;=cmd|' /C calc'!A0;")
    "x;'=cmd|' /C calc'!A0;"
    """
    valor = neutralizar(valor)
    if isinstance(valor, str) and ";" in valor:
        return _TRAS_PUNTO_Y_COMA.sub(lambda m: ";'" if _es_formula(m.group(1)) else ";", valor)
    return valor


def informe_csv(inf: Informe) -> str:
    """Las filas de `Informe.filas()` como CSV: separador ``,``, decimales con punto,
    fechas ISO, vacío donde no hay valor y los textos neutralizados (`neutralizar_csv`)."""
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\n")
    escritor.writerow(COLUMNAS)
    for fila in inf.filas():
        escritor.writerow([_celda_csv(fila[k]) for k in COLUMNAS])
    return salida.getvalue()


# --- CSV para Excel en español ---

_ENCABEZADO_AMBITO: Final = (
    "Clave",
    "Nombre",
    "Indicador",
    "Descripción",
    "Inicio",
    "Fin",
    "Valor",
    "Meta",
    "Numerador",
    "Denominador",
    "Estado",
    "Semáforo",
    "Avance",
)
"""Las columnas de una fila para personas (hojas por ámbito del XLSX y CSV para Excel)."""
ENCABEZADO_CSV_EXCEL: Final = ("Ámbito", *_ENCABEZADO_AMBITO)
"""El encabezado del CSV para Excel (``--formato csv-excel``), para personas."""


def filas_csv_excel(inf: Informe) -> Iterator[list[str]]:
    """Las filas del informe para personas, como las muestra el texto (R32): cifras es_CO
    recortadas, fechas ``DD/MM/AAAA``, etiquetas en vez de códigos y «—» donde no hay valor."""
    fr = formato.fracciones(inf.periodo, inf.parametros)
    for tablero in inf.tableros:
        nombre = formato.nombre(tablero)
        for r in tablero.resultados:
            i = r.indicador
            yield [
                tablero.ambito.etiqueta,
                str(neutralizar_csv(_sin_control(tablero.clave))),
                str(neutralizar_csv(_sin_control(nombre))),
                formato.sigla(i),
                i.etiqueta,
                formato.fecha_corta(r.inicio),
                formato.fecha_corta(r.fin),
                formato.valor(r, terminos=False),
                formato.meta(r),
                formato.numero(r.numerador),
                formato.SIN_VALOR if r.denominador is None else formato.numero(r.denominador),
                r.estado.etiqueta,
                formato.etiqueta(r.semaforo),
                formato.cifra_avance(r, fr[i]),
            ]


def csv_excel(encabezado: Iterable[str], filas: Iterable[Iterable[str]]) -> str:
    """Un CSV que Excel en español abre en columnas: BOM, separador ``;``, fin de línea
    ``\\r\\n`` y comillas donde hagan falta."""
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=";", lineterminator="\r\n")
    escritor.writerow(encabezado)
    escritor.writerows(filas)
    return "\ufeff" + salida.getvalue()


@formato.contexto_propio
def informe_csv_excel(inf: Informe) -> str:
    """El informe como CSV para abrir con Excel en español (``--formato csv-excel``): BOM,
    ``;``, coma decimal, fechas ``DD/MM/AAAA`` y las cifras como en el texto (R32); una fila
    por (ámbito, indicador) con el avance del semáforo (R31). Es para personas: el CSV para
    programas es `informe_csv`."""
    return csv_excel(ENCABEZADO_CSV_EXCEL, filas_csv_excel(inf))


# --- XLSX ---

_HOJAS: Final = (
    (TipoAmbito.NACIONAL, "Nacional"),
    (TipoAmbito.ROL, "Roles"),
    (TipoAmbito.REGIONAL, "Regionales"),
    (TipoAmbito.GESTOR, "Gestores"),
)
_RELLENOS: Final = {Semaforo.VERDE: "C6EFCE", Semaforo.AMARILLO: "FFEB9C", Semaforo.ROJO: "FFC7CE"}
_FORMATO_FECHA: Final = "DD/MM/YYYY"
_ANCHOS_AMBITO: Final = (8, 22, 15, 34, 11, 11, 10, 10, 11, 12, 10, 10, 9)


def _celda_xlsx(valor: object) -> object:
    """El valor de una celda de XLSX: el texto sin caracteres de control, exacto (la
    neutralización es de estilo: ver `_agregar`)."""
    if isinstance(valor, str):
        return _sin_control(valor)
    return valor


def _agregar(hoja: Any, valores: Iterable[object]) -> None:
    """Agrega una fila a la hoja. Un texto que Excel leería como fórmula queda como celda de
    texto con el estilo «prefijo de comilla» (``quotePrefix``): se ve el texto original, sin
    una ``'`` visible, y nunca se evalúa.

    La celda se arma antes de agregarla: buscar la fila recién agregada (``hoja.max_row``)
    recorre la hoja entera en openpyxl, y con miles de registros excluidos el libro tardaba
    minutos."""
    from openpyxl.cell import Cell  # type: ignore[import-untyped]

    fila: list[object] = []
    for valor in map(_celda_xlsx, valores):
        if isinstance(valor, str) and valor and _es_formula(valor):
            celda = Cell(hoja, value=valor)
            celda.data_type = "s"
            celda.quotePrefix = True
            fila.append(celda)
        else:
            fila.append(valor)
    hoja.append(fila)


def _detalle_plano(detalle: Mapping[str, object]) -> Iterator[tuple[str, str, object]]:
    """El detalle de un resultado como filas (dato, elemento, valor)."""
    for dato, contenido in detalle.items():
        if isinstance(contenido, Mapping):
            for fila, columnas in contenido.items():
                for columna, n in columnas.items():
                    yield dato, f"{fila} × {columna}", n
        elif isinstance(contenido, tuple):
            for posicion, elemento in enumerate(contenido, start=1):
                if isinstance(elemento, tuple):
                    yield dato, elemento[0], elemento[1]
                else:
                    yield dato, str(posicion), elemento
        else:
            yield dato, "", contenido


def _datos_registro(registro: Any) -> str:
    return "; ".join(
        f"{a.name}={_json(getattr(registro, a.name))}" for a in attrs.fields(type(registro))
    )


def informe_xlsx(inf: Informe) -> bytes:
    """El informe como libro de Excel (necesita el extra ``excel``: openpyxl).

    Una portada («Portada»: el periodo, la leyenda del semáforo y qué tiene cada hoja) y una
    hoja por nivel de ámbito (Nacional, Roles, Regionales, Gestores) con las filas de
    `Informe.filas()`, el nombre, las etiquetas y el avance del semáforo (R31). Los números
    son números, ya recortados como en el texto y con el formato que los muestra igual (R32:
    `formato.cifra_mostrada`, `formato.formato_excel`); el semáforo colorea su celda. Además:
    «Detalle» (los desgloses de cada resultado), «Excluidos» (cuántos por motivo) y
    «Registros excluidos» (cada uno, R23). Cada hoja se imprime apaisada, a una página de
    ancho y con el encabezado repetido. Sin openpyxl lanza `DependenciaFaltante`.
    """
    try:
        from openpyxl import Workbook  # type: ignore[import-untyped]
        from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
    except ImportError:
        raise DependenciaFaltante("openpyxl", "excel") from None
    libro = Workbook()
    libro.remove(libro.active)
    negrita = Font(bold=True)
    rellenos = {s: PatternFill("solid", fgColor=color) for s, color in _RELLENOS.items()}
    fr = formato.fracciones(inf.periodo, inf.parametros)
    _portada(libro.create_sheet("Portada"), inf, Font(bold=True, size=14), negrita)
    for ambito, nombre in _HOJAS:
        hoja = libro.create_sheet(nombre)
        hoja.append(_ENCABEZADO_AMBITO)
        fila = 1
        for tablero in inf.tableros:
            if tablero.ambito is not ambito:
                continue
            for r in tablero.resultados:
                fila += 1
                i = r.indicador
                _agregar(
                    hoja,
                    (
                        tablero.clave,
                        formato.nombre(tablero),
                        formato.sigla(i),
                        i.etiqueta,
                        r.inicio,
                        r.fin,
                        None if r.valor is None else formato.cifra_mostrada(i, r.valor),
                        None if r.meta is None else formato.cifra_mostrada(i, r.meta),
                        r.numerador,
                        r.denominador,
                        r.estado.etiqueta,
                        formato.etiqueta(r.semaforo),
                        formato.avance_mostrado(r, fr[i]),
                    ),
                )
                for columna in ("E", "F"):
                    hoja[f"{columna}{fila}"].number_format = _FORMATO_FECHA
                for columna in ("G", "H"):
                    hoja[f"{columna}{fila}"].number_format = formato.formato_excel(i)
                for columna in ("I", "J"):
                    hoja[f"{columna}{fila}"].number_format = "#,##0"
                hoja[f"M{fila}"].number_format = formato.formato_excel()
                if r.semaforo is not None:
                    hoja[f"L{fila}"].fill = rellenos[r.semaforo]
                    hoja[f"M{fila}"].fill = rellenos[r.semaforo]
        _terminar_hoja(hoja, negrita, _ANCHOS_AMBITO)
    detalle = libro.create_sheet("Detalle")
    detalle.append(["Ámbito", "Clave", "Indicador", "Dato", "Elemento", "Valor"])
    for tablero in inf.tableros:
        for r in tablero.resultados:
            for dato, elemento, valor in _detalle_plano(r.detalle):
                _agregar(
                    detalle,
                    (
                        tablero.ambito.etiqueta,
                        tablero.clave,
                        formato.sigla(r.indicador),
                        dato.replace("_", " ").capitalize(),
                        elemento,
                        valor,
                    ),
                )
    _terminar_hoja(detalle, negrita, (10, 24, 16, 34, 40, 14))
    resumen = libro.create_sheet("Excluidos")
    resumen.append(["Motivo", "Registros"])
    for motivo, n in _excluidos(inf).items():
        _agregar(resumen, (motivo, n))
    _terminar_hoja(resumen, negrita, (50, 12))
    lista = libro.create_sheet("Registros excluidos")
    lista.append(["Motivo", "Tipo de registro", "Datos"])
    for exclusion in inf.excluidos:
        _agregar(
            lista,
            (
                exclusion.motivo,
                type(exclusion.registro).__name__,
                _datos_registro(exclusion.registro),
            ),
        )
    _terminar_hoja(lista, negrita, (50, 22, 100))
    for columna in lista["C"]:
        columna.alignment = _ajustar()
    # Reproducible byte a byte: las propiedades del documento y las fechas de cada parte del
    # ZIP son el corte del periodo (R12: el día en que se entrega), no la hora de generarlo.
    corte = datetime.combine(inf.periodo.fin, time())
    libro.properties.created = libro.properties.modified = corte
    salida = io.BytesIO()
    libro.save(salida)
    return _zip_fijo(salida.getvalue(), corte)


def _ajustar() -> Any:
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def _portada(hoja: Any, inf: Informe, grande: Any, negrita: Any) -> None:
    """La primera hoja: qué informe es, la leyenda del semáforo y qué tiene cada hoja."""
    p = inf.periodo
    verde = formato.porcentaje(inf.parametros.umbral_verde)
    amarillo = formato.porcentaje(inf.parametros.umbral_amarillo)
    filas: list[tuple[str, str]] = [
        (f"Informe de la Circular 109 de 2012 — {p.etiqueta()} ({p})", ""),
        ("", ""),
        ("Periodo", f"del {formato.fecha(p.inicio)} al {formato.fecha(p.fin)}"),
        ("Corte", f"día {p.dia_corte}"),
        ("Registros excluidos", formato.numero(sum(_excluidos(inf).values()))),
        ("", ""),
        (
            "Semáforo",
            f"verde: avance ≥ {verde} de lo esperado; amarillo: {amarillo} a {verde}; "
            f"rojo: menos de {amarillo}. En los techos (EM): verde hasta el techo.",
        ),
        (
            "Avance",
            "el valor dividido por lo esperado al corte (la meta prorrateada por lo "
            "transcurrido de su horizonte).",
        ),
        (
            "Cifras",
            "recortadas hacia el lado que no alcanza la meta: 89,99 % se lee 89,9 %, nunca 90,0 %.",
        ),
        ("", ""),
        ("Hoja", "Contenido"),
        ("Nacional", "los indicadores de la nación"),
        ("Roles", "los indicadores de cada rol"),
        ("Regionales", "los indicadores de las 33 regionales"),
        ("Gestores", "los indicadores de cada gestor"),
        ("Detalle", "los desgloses de cada resultado"),
        ("Excluidos", "cuántos registros se excluyeron, por motivo"),
        ("Registros excluidos", "cada registro excluido, con su motivo"),
    ]
    for fila in filas:
        _agregar(hoja, fila)
    hoja["A1"].font = grande
    for celda in (hoja["A11"], hoja["B11"]):
        celda.font = negrita
    hoja.column_dimensions["A"].width = 22
    hoja.column_dimensions["B"].width = 100
    for celda in hoja["B"]:
        celda.alignment = _ajustar()
    _imprimir(hoja, repetir=False)


def _imprimir(hoja: Any, *, repetir: bool = True) -> None:
    """Apaisada, a una página de ancho (y las que haga falta de alto), con la fila de
    encabezado repetida en cada página."""
    hoja.page_setup.orientation = "landscape"
    hoja.page_setup.paperSize = hoja.PAPERSIZE_LETTER
    hoja.page_setup.fitToWidth = 1
    hoja.page_setup.fitToHeight = 0
    hoja.sheet_properties.pageSetUpPr.fitToPage = True
    hoja.print_options.gridLines = repetir
    if repetir:
        hoja.print_title_rows = "1:1"


_MODIFICADO: Final = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _zip_fijo(contenido: bytes, fecha: datetime) -> bytes:
    """El libro con la fecha `fecha` en cada parte del ZIP y en ``dcterms:modified``
    (openpyxl pone la hora de guardar): el mismo informe da los mismos bytes."""
    marca = fecha.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    salida = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(contenido)) as origen,
        zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as destino,
    ):
        for parte in origen.infolist():
            datos = origen.read(parte)
            if parte.filename == "docProps/core.xml":
                datos = _MODIFICADO.sub(rb"\g<1>" + marca + rb"\g<2>", datos)
            fija = zipfile.ZipInfo(parte.filename, date_time=fecha.timetuple()[:6])
            fija.compress_type = zipfile.ZIP_DEFLATED
            fija.external_attr = parte.external_attr
            destino.writestr(fija, datos)
    return salida.getvalue()


def _terminar_hoja(hoja: Any, negrita: Any, anchos: tuple[int, ...]) -> None:
    """Encabezado en negrita y fijo, filtro automático, anchos de columna y la página
    (`_imprimir`)."""
    for celda in hoja[1]:
        celda.font = negrita
    hoja.freeze_panes = "A2"
    hoja.auto_filter.ref = hoja.dimensions
    for posicion, ancho in enumerate(anchos):
        hoja.column_dimensions[chr(ord("A") + posicion)].width = ancho
    _imprimir(hoja)


# --- Despacho y escritura ---


def generar(inf: Informe, formato_: str) -> str | bytes:
    """El informe en el formato pedido (uno de `FORMATOS`): texto para los formatos de
    texto, bytes para ``xlsx``. Otro formato es un `DatoInvalido`."""
    if formato_ == "texto":
        return informe_texto(inf)
    if formato_ == "json":
        return informe_json(inf)
    if formato_ == "csv":
        return informe_csv(inf)
    if formato_ == "csv-excel":
        return informe_csv_excel(inf)
    if formato_ == "xlsx":
        return informe_xlsx(inf)
    if formato_ == "html":
        return pagina_html(inf)
    raise DatoInvalido(
        "no es un formato de salida; se esperaba uno de: " + ", ".join(FORMATOS),
        campo="formato",
        valor=formato_,
    )


def escribir_atomico(ruta: str | os.PathLike[str], contenido: str | bytes) -> None:
    """Escribe `contenido` (texto en UTF-8 o bytes) en `ruta` completo o nada.

    Un enlace simbólico se sigue: se escribe su destino y el enlace queda. Un archivo regular
    (o uno que no existe) se escribe en un temporal de su misma carpeta que luego lo
    reemplaza con `os.replace`; si algo falla, el temporal se borra y el archivo queda como
    estaba. Un dispositivo de caracteres (``/dev/null``) o una tubería (FIFO) no se
    reemplazan nunca: se escriben directamente. Otra cosa (una carpeta, un dispositivo de
    bloques, un socket) es un `DatoInvalido`. Un `OSError` nombra `ruta`, no el temporal.
    """
    datos = contenido.encode("utf-8") if isinstance(contenido, str) else contenido
    destino = Path(os.path.realpath(ruta))
    try:
        try:
            modo: int | None = os.stat(destino).st_mode
        except FileNotFoundError:
            modo = None
        if modo is not None and (stat.S_ISCHR(modo) or stat.S_ISFIFO(modo)):
            with open(destino, "wb") as directo:
                directo.write(datos)
            return
        if modo is not None and not stat.S_ISREG(modo):
            raise DatoInvalido(
                "no es un archivo regular, un dispositivo de caracteres ni una tubería: no se "
                "escribe en él",
                campo="ruta",
                valor=os.fspath(ruta),
            )
        _reemplazar(destino, datos, modo)
    except OSError as error:
        raise OSError(error.errno, error.strerror, os.fspath(ruta)) from error


def _reemplazar(destino: Path, datos: bytes, modo: int | None) -> None:
    """Escribe un temporal junto a `destino` y lo pone en su lugar (`os.replace`)."""
    descriptor, temporal = tempfile.mkstemp(
        prefix=f".{destino.name}.", suffix=".tmp", dir=destino.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as archivo:
            archivo.write(datos)
            archivo.flush()
            os.fsync(archivo.fileno())
        # mkstemp crea el temporal solo para su dueño (0600): se le dan los permisos del
        # archivo que reemplaza o, si es nuevo, los de un archivo común (0644).
        os.chmod(temporal, 0o644 if modo is None else modo & 0o777)
        os.replace(temporal, destino)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporal)
        raise


def escribir(inf: Informe, formato_: str, ruta: str | os.PathLike[str]) -> None:
    """Genera el informe en `formato_` y lo escribe en `ruta` completo o nada."""
    escribir_atomico(ruta, generar(inf, formato_))
