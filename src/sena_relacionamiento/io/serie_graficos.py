"""La serie mensual para personas: una página HTML con la evolución de cada indicador y un libro
de Excel con una hoja por indicador (issue 17).

`serie_html` da una página autocontenida (CSS y SVG en línea, sin scripts ni recursos
externos): para la nación, cada rol y cada regional con datos, un gráfico por indicador con el
valor de cada mes, la meta y lo esperado al corte de cada mes (la meta prorrateada por lo
transcurrido de su horizonte, R25). `serie_xlsx` da un libro con una hoja por indicador, los
ámbitos como filas y los meses como columnas, con las cifras recortadas como en el texto
(R32).

>>> from sena_relacionamiento import Periodo, serie
>>> from sena_relacionamiento.io import datos_de_ejemplo
>>> s = serie(datos_de_ejemplo(), Periodo(2012, 1), Periodo(2012, 3))
>>> serie_html(s).count("<svg") >= 9
True
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, time
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Final

from sena_relacionamiento import formato
from sena_relacionamiento.errores import DependenciaFaltante
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado
from sena_relacionamiento.io.escritores import (
    _agregar,
    _excluidos,
    _imprimir,
    _terminar_hoja,
    _zip_fijo,
)

if TYPE_CHECKING:
    from sena_relacionamiento.informe import Informe, Tablero
    from sena_relacionamiento.serie import Serie

__all__ = ["grafico_evolucion", "serie_html", "serie_xlsx"]

TITULO_SERIE: Final = "Serie de la Circular 109 de 2012"

_ANCHO: Final = 340
_ALTO: Final = 190
_IZQ: Final = 56
_DER: Final = 12
_ARR: Final = 14
_ABA: Final = 46
_VALOR: Final = "#1565c0"
_META: Final = "#2e7d32"
_ESPERADO: Final = "#ef6c00"


def _recortar(valor: Decimal, decimales: int) -> Decimal:
    return valor.quantize(Decimal(1).scaleb(-decimales), rounding=ROUND_DOWN)


def _numero(cantidad: int | Decimal | Fraction | None) -> float | None:
    """Una cifra como `float`, solo para dibujar (las cifras escritas usan `formato`)."""
    return None if cantidad is None else float(cantidad)


def _linea(puntos: list[tuple[float, float]], color: str, trazo: str) -> str:
    if not puntos:
        return ""
    if len(puntos) == 1:
        x, y = puntos[0]
        puntos = [(x - 4, y), (x + 4, y)]
    coordenadas = " ".join(f"{x:.1f},{y:.1f}" for x, y in puntos)
    return (
        f'<polyline points="{coordenadas}" fill="none" stroke="{color}" stroke-width="2" '
        f'stroke-dasharray="{trazo}"/>'
    )


def grafico_evolucion(
    titulo: str,
    meses: Sequence[str],
    valores: Sequence[tuple[float | None, str]],
    metas: Sequence[float | None],
    esperados: Sequence[float | None],
    *,
    porcentual: bool,
) -> str:
    """Un gráfico SVG de líneas: el valor de cada mes (con su cifra escrita en el punto), la
    meta (línea continua) y lo esperado al corte (punteada). `valores` lleva (cifra para
    dibujar, cifra escrita); `None` donde no hay dato. Sin scripts: se lee impreso."""
    alto_util = _ALTO - _ARR - _ABA
    ancho_util = _ANCHO - _IZQ - _DER
    todos = [v for v, _ in valores if v is not None]
    todos += [m for m in (*metas, *esperados) if m is not None]
    tope = max([*todos, 0.0]) * 1.1 or 1.0
    paso = ancho_util / max(len(meses) - 1, 1)

    def x(i: int) -> float:
        return _IZQ + (paso * i if len(meses) > 1 else ancho_util / 2)

    def y(v: float) -> float:
        return _ARR + alto_util * (1 - v / tope)

    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_ANCHO}" height="{_ALTO}" '
        f'viewBox="0 0 {_ANCHO} {_ALTO}" role="img"><title>{escape(titulo)}</title>',
        f'<line x1="{_IZQ}" y1="{y(0):.1f}" x2="{_ANCHO - _DER}" y2="{y(0):.1f}" '
        'stroke="#9e9e9e"/>',
    ]
    for fraccion in (0.5, 1.0):
        # Una guía en una cifra redonda (la que se escribe), a media altura y arriba.
        cifras = 3 if porcentual else 2
        nivel = float(_recortar(Decimal(repr(tope / 1.1 * fraccion)), cifras))
        etiqueta = (
            formato.porcentaje(Decimal(repr(nivel)))
            if porcentual
            else formato.numero(Decimal(repr(nivel)))
        )
        partes.append(
            f'<line x1="{_IZQ}" y1="{y(nivel):.1f}" x2="{_ANCHO - _DER}" y2="{y(nivel):.1f}" '
            f'stroke="#eeeeee"/><text x="{_IZQ - 4}" y="{y(nivel) + 4:.1f}" '
            f'text-anchor="end">{escape(etiqueta)}</text>'
        )
    for i, mes in enumerate(meses):
        partes.append(
            f'<text x="{x(i):.1f}" y="{_ALTO - _ABA + 16}" text-anchor="middle">'
            f"{escape(mes)}</text>"
        )
    partes.append(
        _linea([(x(i), y(m)) for i, m in enumerate(metas) if m is not None], _META, "none")
    )
    partes.append(
        _linea([(x(i), y(e)) for i, e in enumerate(esperados) if e is not None], _ESPERADO, "5 4")
    )
    puntos = [(x(i), y(v)) for i, (v, _) in enumerate(valores) if v is not None]
    partes.append(_linea(puntos, _VALOR, "none"))
    for i, (v, cifra) in enumerate(valores):
        if v is not None:
            partes.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{_VALOR}">'
                f"<title>{escape(meses[i])}: {escape(cifra)}</title></circle>"
            )
    leyenda_y = _ALTO - 10
    partes.append(
        f'<rect x="{_IZQ}" y="{leyenda_y - 8}" width="14" height="3" fill="{_VALOR}"/>'
        f'<text x="{_IZQ + 18}" y="{leyenda_y - 3}">valor</text>'
        f'<rect x="{_IZQ + 70}" y="{leyenda_y - 8}" width="14" height="3" fill="{_META}"/>'
        f'<text x="{_IZQ + 88}" y="{leyenda_y - 3}">meta</text>'
        f'<rect x="{_IZQ + 136}" y="{leyenda_y - 8}" width="14" height="3" fill="{_ESPERADO}"/>'
        f'<text x="{_IZQ + 154}" y="{leyenda_y - 3}">esperado al corte</text>'
    )
    partes.append("</svg>")
    return "".join(partes)


def _esperado(r: Resultado, fraccion: Fraction) -> float | None:
    if r.meta is None:
        return None
    return float(Fraction(r.meta) * fraccion)


def _graficos(tableros: Sequence[Tablero], infs: Sequence[Informe]) -> str:
    """Los nueve gráficos de un ámbito a lo largo de la serie."""
    meses = [inf.periodo.etiqueta()[:3] for inf in infs]
    fracciones = [formato.fracciones(inf.periodo, inf.parametros) for inf in infs]
    figuras = []
    for posicion, indicador in enumerate(Indicador):
        resultados = [t.resultados[posicion] for t in tableros]
        valores = [(_numero(r.valor), formato.valor(r, terminos=False)) for r in resultados]
        metas = [_numero(r.meta) for r in resultados]
        esperados = [
            _esperado(r, fr[indicador]) for r, fr in zip(resultados, fracciones, strict=True)
        ]
        titulo = f"{formato.sigla(indicador)} · {indicador.etiqueta}"
        ultimo = resultados[-1]
        figuras.append(
            f'<figure class="grafico"><figcaption><strong>{escape(titulo)}</strong><br>'
            f"{escape(infs[-1].periodo.etiqueta())}: {escape(formato.valor(ultimo))}; meta "
            f"{escape(formato.meta(ultimo))}; {escape(ultimo.estado.etiqueta.lower())}"
            "</figcaption>"
            + grafico_evolucion(
                titulo,
                meses,
                valores,
                metas,
                esperados,
                porcentual=formato.es_porcentual(indicador),
            )
            + "</figure>"
        )
    return '<div class="graficos">' + "".join(figuras) + "</div>"


_CSS: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;
max-width:76rem;padding:0 1rem;color:#212121;background:#fff;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #39a900}
.sub{color:#555;margin-top:0}nav.indice{background:#fafafa;border:1px solid #e0e0e0;
padding:.5rem 1rem}nav.indice ul.regionales{columns:3 15rem}
.graficos{display:grid;grid-template-columns:repeat(auto-fill,minmax(21.5rem,1fr));gap:.8rem}
figure.grafico{margin:0;border:1px solid #e0e0e0;padding:.4rem}
figcaption{font-size:.85rem;color:#333}svg text{font-family:inherit;font-size:11px}
a.arriba{font-size:.8rem;margin-left:.6rem}
@media print{body{margin:0;max-width:none}a.arriba{display:none}
h2{break-after:avoid;page-break-after:avoid}
figure.grafico{break-inside:avoid;page-break-inside:avoid}}
"""
_ARRIBA: Final = '<a class="arriba" href="#indice">↑ índice</a>'


@formato.contexto_propio
def serie_html(s: Serie) -> str:
    """La serie como página HTML autocontenida (ver el módulo): un índice, y para la nación,
    los roles y cada regional con datos en algún mes, un gráfico de evolución por indicador."""
    infs = s.informes
    ultimo = infs[-1]
    ambitos: list[tuple[str, str, list[Tablero]]] = [
        ("nacional", formato.titulo(ultimo.nacional), [i.nacional for i in infs])
    ]
    for rol in ultimo.roles:
        ambitos.append(
            (
                f"rol-{rol.name.lower()}",
                formato.titulo(ultimo.roles[rol]),
                [i.roles[rol] for i in infs],
            )
        )
    regionales = []
    for codigo in ultimo.regionales:
        de_la_regional = [i.regionales[codigo] for i in infs]
        if any(formato.con_datos(t) for t in de_la_regional):
            titulo = formato.titulo(de_la_regional[-1], ultimo.parametros)
            regionales.append((f"regional-{codigo}", titulo, de_la_regional))
    indice = "".join(
        f'<li><a href="#{ancla}">{escape(titulo)}</a></li>' for ancla, titulo, _ in ambitos
    )
    indice_regionales = "".join(
        f'<li><a href="#{ancla}">{escape(t[-1].nombre)} ({t[-1].clave})</a></li>'
        for ancla, _, t in regionales
    )
    titulo_pagina = f"{TITULO_SERIE} — de {s.desde.etiqueta()} a {s.hasta.etiqueta()}"
    partes = [
        '<!DOCTYPE html>\n<html lang="es-CO">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(titulo_pagina)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
        f"<header><h1>{escape(titulo_pagina)}</h1>"
        f'<p class="sub">Del {escape(formato.fecha(s.desde.inicio))} al '
        f"{escape(formato.fecha(s.hasta.fin))}; valores al corte de cada mes. La meta es la "
        "del horizonte de cada indicador; lo esperado al corte, la meta prorrateada por lo "
        "transcurrido de su horizonte (el semáforo compara el valor con lo esperado).</p>"
        "</header>\n",
        f'<nav class="indice" id="indice"><h2>Índice</h2><ul>{indice}</ul>'
        f"<p>Regionales con datos en la serie: {len(regionales)} de "
        f'{len(ultimo.regionales)}.</p><ul class="regionales">{indice_regionales}</ul></nav>\n',
    ]
    for ancla, titulo, tableros in [*ambitos, *regionales]:
        partes.append(
            f'<section id="{ancla}"><h2>{escape(titulo)}{_ARRIBA}</h2>'
            f"{_graficos(tableros, infs)}</section>\n"
        )
    partes.append("</body>\n</html>\n")
    return "".join(partes)


# --- XLSX ---


@formato.contexto_propio
def serie_xlsx(s: Serie) -> bytes:
    """La serie como libro de Excel (extra ``excel``): una «Portada», una hoja por indicador
    con los ámbitos (la nación, los roles, las 33 regionales y los gestores) como filas y los
    meses como columnas, con la meta del último mes; las cifras recortadas y con el formato
    que las muestra como el texto (R32). Además «Excluidos por periodo» (R23). Cada hoja se
    imprime apaisada y a una página de ancho. Sin openpyxl, `DependenciaFaltante`."""
    try:
        from openpyxl import Workbook  # type: ignore[import-untyped]
        from openpyxl.styles import Font  # type: ignore[import-untyped]
    except ImportError:
        raise DependenciaFaltante("openpyxl", "excel") from None
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    infs = s.informes
    libro = Workbook()
    portada = libro.active
    portada.title = "Portada"
    negrita = Font(bold=True)
    for fila in (
        (f"{TITULO_SERIE} — de {s.desde.etiqueta()} a {s.hasta.etiqueta()}", ""),
        ("", ""),
        ("Periodos", f"del {formato.fecha(s.desde.inicio)} al {formato.fecha(s.hasta.fin)}"),
        ("Hojas", "una por indicador: los ámbitos en filas, los meses en columnas"),
        ("Cifras", "recortadas hacia el lado que no alcanza la meta, como en el texto"),
    ):
        _agregar(portada, fila)
    portada["A1"].font = Font(bold=True, size=14)
    portada.column_dimensions["A"].width = 14
    portada.column_dimensions["B"].width = 80
    _imprimir(portada, repetir=False)
    meses = [str(p) for p in s.periodos]
    ultimo = infs[-1]
    claves = [(t.ambito, t.clave) for t in ultimo.tableros]
    por_mes = [{(t.ambito, t.clave): t for t in inf.tableros} for inf in infs]
    for posicion, indicador in enumerate(Indicador):
        hoja = libro.create_sheet(formato.sigla(indicador))
        hoja.append(["Ámbito", "Clave", "Nombre", "Meta", *meses])
        formato_numero = formato.formato_excel(indicador)
        for numero_fila, llave in enumerate(claves, start=2):
            tableros: list[Tablero | None] = [m.get(llave) for m in por_mes]
            final = tableros[-1]
            assert final is not None
            meta = final.resultados[posicion].meta
            celdas: list[object] = [
                final.ambito.etiqueta,
                final.clave,
                formato.nombre(final),
                None if meta is None else formato.cifra_mostrada(indicador, meta),
            ]
            for t in tableros:
                valor = None if t is None else t.resultados[posicion].valor
                celdas.append(None if valor is None else formato.cifra_mostrada(indicador, valor))
            _agregar(hoja, celdas)
            for columna in range(4, 5 + len(meses)):
                hoja.cell(row=numero_fila, column=columna).number_format = formato_numero
        anchos = (10, 8, 24, 11, *(10 for _ in meses))
        _terminar_hoja(hoja, negrita, ())
        for columna, ancho in enumerate(anchos, start=1):
            hoja.column_dimensions[get_column_letter(columna)].width = ancho
        hoja.oddHeader.center.text = f"{indicador.etiqueta} — {TITULO_SERIE}"
    excluidos = libro.create_sheet("Excluidos por periodo")
    excluidos.append(["Periodo", "Motivo", "Registros"])
    for inf in infs:
        for motivo, n in _excluidos(inf).items():
            _agregar(excluidos, (str(inf.periodo), motivo, n))
    _terminar_hoja(excluidos, negrita, (10, 50, 12))
    corte = datetime.combine(s.hasta.fin, time())
    libro.properties.created = libro.properties.modified = corte
    salida = io.BytesIO()
    libro.save(salida)
    return _zip_fijo(salida.getvalue(), corte)
