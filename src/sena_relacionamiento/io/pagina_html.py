"""El informe en HTML: una página autocontenida y las tablas para cuadernos (Jupyter).

`pagina_html` da una página completa sin recursos externos ni scripts (CSS en línea, gráficos
SVG en línea) que se recorre: un índice con la nación, los roles y las 33 regionales con sus
semáforos y anclas; las tarjetas de la nación, los roles y las regionales con datos,
coloreadas por semáforo (R25) y con su avance (R31); bajo cada regional, la matriz de sus
gestores; un gráfico del avance de cada regional en contratos voluntarios frente a su meta
(CV, R19) y otro de la cobertura de empresas contactadas (EC, R14); y los excluidos (R23).
`informe_html` (el tablero nacional y las regionales plegadas) y `tablero_html` sirven de
``_repr_html_`` de `Informe` y `Tablero`. Todo texto que viene de los datos se escapa.

Importar este módulo no tiene efectos: solo define funciones.

>>> from sena_relacionamiento import DatosSeguimiento, Periodo, informe
>>> inf = informe(DatosSeguimiento(gestores=(), asignaciones=()), Periodo(2012, 3))
>>> tablero_html(inf.nacional).startswith("<table")
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Final

from sena_relacionamiento import formato
from sena_relacionamiento.indicadores.resultado import Estado, Indicador, Resultado, Semaforo

if TYPE_CHECKING:
    from sena_relacionamiento.informe import Informe, Tablero

__all__ = ["grafico_cv", "grafico_ec", "informe_html", "pagina_html", "tablero_html"]

# Semáforo → (clase CSS, color fuerte, color de fondo).
_COLORES: Final = {
    Semaforo.VERDE: ("verde", "#2e7d32", "#e8f5e9"),
    Semaforo.AMARILLO: ("amarillo", "#f9a825", "#fff8e1"),
    Semaforo.ROJO: ("rojo", "#c62828", "#ffebee"),
    None: ("neutro", "#9e9e9e", "#f5f5f5"),
}

_CSS: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#212121;background:#fff;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #39a900}
h3{margin:1.4rem 0 .5rem}h4{margin:.8rem 0 .3rem}.sub{color:#555;margin-top:0}
.tarjetas{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem}
.tarjeta{border-left:.45rem solid #9e9e9e;background:#f5f5f5;padding:.5rem .75rem}
.tarjeta.verde{border-color:#2e7d32;background:#e8f5e9}
.tarjeta.amarillo{border-color:#f9a825;background:#fff8e1}
.tarjeta.rojo{border-color:#c62828;background:#ffebee}
.tarjeta .nombre{font-size:.85rem;color:#444}.tarjeta .valor{font-size:1.35rem;font-weight:600}
.tarjeta .meta,.tarjeta .luz,.tarjeta .detalle{font-size:.85rem;color:#444}
.tarjeta .porque{font-size:.85rem;font-style:italic;color:#333}
table{border-collapse:collapse;font-size:.9rem}th,td{padding:.3rem .55rem;text-align:left;
border-bottom:1px solid #e0e0e0;vertical-align:top}td.num{text-align:right;white-space:nowrap}
td small{display:block;color:#555}
.leyenda span{display:inline-block;padding:0 .5rem;margin-right:.4rem}
nav.indice{background:#fafafa;border:1px solid #e0e0e0;padding:.5rem 1rem}
nav.indice ul{margin:.2rem 0}.luces{white-space:nowrap}
ul.regionales{columns:3 17rem;list-style:none;padding:0}ul.regionales li{margin:.15rem 0}
small.sin{color:#757575}
.luz-i{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.15rem;
vertical-align:middle}
a.arriba{font-size:.8rem;margin-left:.6rem}
svg text{font-family:inherit;font-size:12px}
@media print{body{margin:0;max-width:none}a.arriba{display:none}
h2,h3,h4{break-after:avoid;page-break-after:avoid}
.tarjeta,tr,svg{break-inside:avoid;page-break-inside:avoid}
.bloque{break-inside:avoid;page-break-inside:avoid}
nav.indice{break-after:page;page-break-after:always}}
"""


def _color(semaforo: Semaforo | None) -> tuple[str, str, str]:
    return _COLORES[semaforo]


def _porque(r: Resultado, avance: str) -> str:
    """Por qué el semáforo y el estado parecen no coincidir (R31): un «No cumple» con luz
    verde o amarilla (el semáforo mide el avance frente a lo esperado, el estado frente a la
    meta completa); «» si coinciden."""
    if r.estado is not Estado.NO_CUMPLE or r.semaforo not in (Semaforo.VERDE, Semaforo.AMARILLO):
        return ""
    return (
        f"El semáforo mide el avance: {avance} de lo esperado; no cumple porque el valor no "
        f"llega a la meta ({formato.meta(r)})."
    )


def _tarjeta(r: Resultado, fraccion: Fraction) -> str:
    clase, _, _ = _color(r.semaforo)
    detalle = formato.detalle(r)
    avance = formato.cifra_avance(r, fraccion)
    porque = _porque(r, avance)
    return (
        f'<div class="tarjeta {clase}" data-indicador="{r.indicador.name}">'
        f'<div class="nombre">{escape(formato.sigla(r.indicador))} · '
        f"{escape(r.indicador.etiqueta)}</div>"
        f'<div class="valor">{escape(formato.valor(r))}</div>'
        f'<div class="meta">Meta: <span class="cifra-meta">{escape(formato.meta(r))}</span>'
        f" · {escape(r.estado.etiqueta)}</div>"
        f'<div class="luz">Semáforo {escape(formato.etiqueta(r.semaforo).lower())} · avance '
        f'<span class="cifra-avance">{escape(avance)}</span></div>'
        + (f'<div class="porque">{escape(porque)}</div>' if porque else "")
        + (f'<div class="detalle">{escape(detalle)}</div>' if detalle else "")
        + "</div>"
    )


def _tarjetas(tablero: Tablero, fracciones: Mapping[Indicador, Fraction]) -> str:
    return (
        '<div class="tarjetas">'
        + "".join(_tarjeta(r, fracciones[r.indicador]) for r in tablero.resultados)
        + "</div>"
    )


@formato.contexto_propio
def tablero_html(t: Tablero, fracciones: Mapping[Indicador, Fraction] | None = None) -> str:
    """Un tablero como tabla HTML: una fila por indicador con valor, meta, estado, semáforo
    (coloreado, R25), su avance (R31, si se dan las `fracciones` del periodo: ver
    `formato.fracciones`) y ventana. Sirve de ``_repr_html_`` de `Tablero`."""
    filas = []
    for r in t.resultados:
        _, fuerte, fondo = _color(r.semaforo)
        avance = (
            ""
            if fracciones is None
            else f'<td class="num">{escape(formato.cifra_avance(r, fracciones[r.indicador]))}</td>'
        )
        filas.append(
            "<tr>"
            f"<td>{escape(r.indicador.etiqueta)} ({escape(formato.sigla(r.indicador))})</td>"
            f'<td class="num">{escape(formato.valor(r))}</td>'
            f'<td class="num">{escape(formato.meta(r))}</td>'
            f"<td>{escape(r.estado.etiqueta)}</td>"
            f'<td style="background:{fondo};color:{fuerte};font-weight:600">'
            f"{escape(formato.etiqueta(r.semaforo))}</td>{avance}"
            f"<td>{formato.fecha_corta(r.inicio)} a {formato.fecha_corta(r.fin)}</td>"
            "</tr>"
        )
    columna = "" if fracciones is None else "<th>Avance</th>"
    return (
        f"<table><caption>{escape(formato.titulo(t))}</caption>"
        "<thead><tr><th>Indicador</th><th>Valor</th><th>Meta</th><th>Estado</th>"
        f"<th>Semáforo</th>{columna}<th>Ventana</th></tr></thead>"
        f"<tbody>{''.join(filas)}</tbody></table>"
    )


def _matriz(
    tableros: Iterable[Tablero],
    leyenda: str,
    fracciones: Mapping[Indicador, Fraction],
    anclas: Mapping[str, str] | None = None,
) -> str:
    """Una tabla con un ámbito por fila y un indicador por columna, cada celda coloreada por
    su semáforo y con su avance debajo (R31). `anclas` da el id de la fila de cada clave."""
    encabezado = "".join(
        f'<th title="{escape(i.etiqueta)}">{escape(formato.sigla(i))}</th>' for i in Indicador
    )
    filas = []
    for t in tableros:
        celdas = []
        for r in t.resultados:
            _, fuerte, fondo = _color(r.semaforo)
            avance = formato.cifra_avance(r, fracciones[r.indicador])
            debajo = "" if r.semaforo is None else f"<small>avance {escape(avance)}</small>"
            celdas.append(
                f'<td class="num" style="background:{fondo};border-left:3px solid {fuerte}" '
                f'title="{escape(r.estado.etiqueta)}; semáforo '
                f'{escape(formato.etiqueta(r.semaforo).lower())}">'
                f"{escape(formato.valor(r, terminos=False))}{debajo}</td>"
            )
        ancla = "" if anclas is None else f' id="{anclas[t.clave]}"'
        filas.append(f"<tr{ancla}><th>{escape(formato.titulo(t))}</th>{''.join(celdas)}</tr>")
    return (
        f"<table><caption>{escape(leyenda)}</caption>"
        f"<thead><tr><th>Ámbito</th>{encabezado}</tr></thead>"
        f"<tbody>{''.join(filas)}</tbody></table>"
    )


@formato.contexto_propio
def informe_html(inf: Informe) -> str:
    """El informe para un cuaderno (``_repr_html_`` de `Informe`): el tablero nacional con
    valor, meta, estado, semáforo y avance (R25, R31) y, plegada (``<details>``), la matriz de
    las regionales con datos, un indicador por columna. Los gestores están en
    ``inf.gestor(id)``."""
    fr = formato.fracciones(inf.periodo, inf.parametros)
    regionales = [t for t in inf.regionales.values() if formato.con_datos(t)]
    excluidos = sum(inf.resumen_excluidos().values())
    encabezado = (
        f"Informe {inf.periodo} ({inf.periodo.etiqueta()}), del "
        f"{formato.fecha_corta(inf.periodo.inicio)} al {formato.fecha_corta(inf.periodo.fin)}; "
        f"registros excluidos: {formato.numero(excluidos)}"
    )
    return (
        f"<div><p><strong>{escape(encabezado)}</strong></p>{tablero_html(inf.nacional, fr)}"
        f"<details><summary>Regionales con datos: {len(regionales)} de "
        f"{len(inf.regionales)}</summary>"
        f"{_matriz(regionales, 'Valor de cada indicador por regional', fr)}</details></div>"
    )


# --- Gráficos SVG ---

_ETIQUETA: Final = 170  # ancho de la columna de nombres
_BARRA: Final = 360  # ancho del área de barras
_TEXTO: Final = 210  # ancho de la columna de cifras
_FILA: Final = 26
_MARGEN: Final = 30


def _svg(titulo: str, filas: list[str], guias: list[str]) -> str:
    ancho = _ETIQUETA + _BARRA + _TEXTO
    alto = _MARGEN + _FILA * len(filas) + 10
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{ancho}" height="{alto}" '
        f'viewBox="0 0 {ancho} {alto}" role="img"><title>{escape(titulo)}</title>'
        + "".join(filas)
        + "".join(guias)
        + "</svg>"
    )


def _guia(fraccion: float, texto: str, alto_filas: int, trazo: str) -> str:
    """Una línea vertical en `fraccion` del área de barras, con su rótulo arriba."""
    x = _ETIQUETA + _BARRA * fraccion
    return (
        f'<line x1="{x:.1f}" y1="{_MARGEN - 6}" x2="{x:.1f}" y2="{_MARGEN + alto_filas}" '
        f'stroke="#424242" stroke-dasharray="{trazo}"/>'
        f'<text x="{x:.1f}" y="{_MARGEN - 10}" text-anchor="middle">{escape(texto)}</text>'
    )


def _barra(posicion: int, nombre: str, fraccion: float, color: str, cifra: str) -> str:
    y = _MARGEN + _FILA * posicion
    ancho = _BARRA * max(0.0, min(fraccion, 1.0))
    return (
        f'<text x="{_ETIQUETA - 8}" y="{y + 17}" text-anchor="end">{escape(nombre)}</text>'
        f'<rect x="{_ETIQUETA}" y="{y + 5}" width="{_BARRA}" height="16" fill="#eeeeee"/>'
        f'<rect x="{_ETIQUETA}" y="{y + 5}" width="{ancho:.1f}" height="16" fill="{color}">'
        f"<title>{escape(nombre)}: {escape(cifra)}</title></rect>"
        f'<text x="{_ETIQUETA + _BARRA + 8}" y="{y + 17}">{escape(cifra)}</text>'
    )


@formato.contexto_propio
def grafico_cv(inf: Informe) -> str:
    """Gráfico SVG del avance de cada regional con datos en contratos voluntarios frente a
    su meta de la vigencia (R19, R27). La barra llena es la meta; la línea punteada, lo
    esperado al corte (la meta prorrateada por los periodos transcurridos, R25)."""
    regionales = [t for t in inf.regionales.values() if formato.con_datos(t)]
    if not regionales:
        return "<p>Ninguna regional tiene datos en el periodo.</p>"
    # La escala llega hasta el mayor avance (al menos la meta, a lo sumo el doble).
    avances = [
        Decimal(t.cv.valor or 0) / t.cv.meta
        for t in regionales
        if isinstance(t.cv.meta, int) and t.cv.meta > 0
    ]
    tope = float(min(max([Decimal(1), *avances]), Decimal(2)))
    filas = []
    for posicion, t in enumerate(regionales):
        r = t.cv
        meta = r.meta if isinstance(r.meta, int) else 0
        valor = int(r.valor or 0)
        if meta > 0:
            avance = Decimal(valor) / meta
            cifra = (
                f"{formato.numero(valor)} de {formato.numero(meta)} ({formato.porcentaje(avance)})"
            )
            fraccion = float(avance) / tope
        else:
            cifra = f"{formato.numero(valor)} (meta 0)"
            fraccion = 0.0
        filas.append(_barra(posicion, t.nombre, fraccion, _color(r.semaforo)[1], cifra))
    alto = _FILA * len(regionales)
    esperado = inf.periodo.mes / 12
    guias = [
        _guia(1 / tope, "meta", alto, "none"),
        _guia(
            esperado / tope,
            f"esperado ({formato.porcentaje(Decimal(inf.periodo.mes) / 12)})",
            alto,
            "4 3",
        ),
    ]
    return _svg("Avance de contratos de aprendizaje voluntarios por regional", filas, guias)


@formato.contexto_propio
def grafico_ec(inf: Informe) -> str:
    """Gráfico SVG de la cobertura de empresas contactadas (EC) de cada regional con
    empresas asignadas en el trimestre, de 0 % a 100 %, con la meta marcada (R14)."""
    regionales = [t for t in inf.regionales.values() if t.ec.denominador]
    if not regionales:
        return "<p>Ninguna regional tiene empresas asignadas.</p>"
    filas = [
        _barra(
            posicion,
            t.nombre,
            float(t.ec.valor or 0),
            _color(t.ec.semaforo)[1],
            formato.valor(t.ec),
        )
        for posicion, t in enumerate(regionales)
    ]
    meta = inf.parametros.meta_ec
    alto = _FILA * len(regionales)
    guias = [_guia(float(meta), f"meta {formato.porcentaje(meta)}", alto, "none")]
    return _svg("Cobertura de empresas contactadas por regional", filas, guias)


# --- La página ---


def _luces(t: Tablero) -> str:
    """Los nueve semáforos de un tablero como puntos de color, para el índice."""
    return "".join(
        f'<span class="luz-i" style="background:{_color(r.semaforo)[1]}" '
        f'title="{escape(formato.sigla(r.indicador))}: '
        f'{escape(formato.etiqueta(r.semaforo).lower())}"></span>'
        for r in t.resultados
    )


def _indice(inf: Informe, mostradas: Mapping[str, str]) -> str:
    """El índice de la página: la nación, los roles, los gráficos, las 33 regionales con sus
    semáforos (enlazadas las que se muestran) y los excluidos."""
    roles = "".join(
        f'<li><a href="#rol-{rol.name.lower()}">{escape(t.nombre)}</a></li>'
        for rol, t in inf.roles.items()
    )
    items = []
    for codigo, t in inf.regionales.items():
        nombre = f"{escape(t.nombre)} ({codigo})"
        if codigo in mostradas:
            nombre = f'<a href="#{mostradas[codigo]}">{nombre}</a>'
        else:
            nombre += ' <small class="sin">sin datos</small>'
        items.append(f'<li><span class="luces">{_luces(t)}</span> {nombre}</li>')
    return (
        '<nav class="indice" id="indice"><h2>Índice</h2><ul>'
        f'<li><a href="#nacional">Nacional</a> <span class="luces">{_luces(inf.nacional)}'
        f'</span></li><li><a href="#roles">Roles</a><ul>{roles}</ul></li>'
        '<li><a href="#graficos">Gráficos por regional</a></li>'
        '<li><a href="#regionales">Regionales y sus gestores</a></li>'
        '<li><a href="#excluidos">Registros excluidos</a></li></ul>'
        '<h3>Las 33 regionales</h3><p class="sub">Un punto por indicador, en el orden de las '
        f"tarjetas: {escape(', '.join(formato.sigla(i) for i in Indicador))}.</p>"
        f'<ul class="regionales">{"".join(items)}</ul></nav>\n'
    )


_ARRIBA: Final = '<a class="arriba" href="#indice">↑ índice</a>'


@formato.contexto_propio
def pagina_html(inf: Informe) -> str:
    """El informe como una página HTML completa y autocontenida (ver el módulo): un índice
    con los semáforos de las 33 regionales, anclas a cada ámbito, y bajo cada regional sus
    gestores."""
    p = inf.periodo
    fr = formato.fracciones(p, inf.parametros)
    gestores_de: dict[str, list[Tablero]] = {}
    for g in inf.gestores.values():
        assert g.regional is not None  # un gestor siempre es de una regional
        gestores_de.setdefault(g.regional.codigo, []).append(g)
    mostradas = {
        codigo: f"regional-{codigo}"
        for codigo, t in inf.regionales.items()
        if formato.con_datos(t) or codigo in gestores_de
    }
    anclas = {clave: f"gestor-{n}" for n, clave in enumerate(inf.gestores, start=1)}
    partes = [
        '<!DOCTYPE html>\n<html lang="es-CO">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Informe de la Circular 109 de 2012 — {escape(p.etiqueta())}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n",
        "<header><h1>Informe de la Circular 109 de 2012 — "
        f"{escape(p.etiqueta())} ({p})</h1>"
        f'<p class="sub">Del {escape(formato.fecha(p.inicio))} al '
        f"{escape(formato.fecha(p.fin))}, corte día {p.dia_corte}.</p>",
        _leyenda(inf),
        "</header>\n",
        _indice(inf, mostradas),
        f'<section id="nacional"><h2>{escape(formato.titulo(inf.nacional))}{_ARRIBA}</h2>'
        f"{_tarjetas(inf.nacional, fr)}</section>\n",
        f'<section id="roles"><h2>Roles{_ARRIBA}</h2>',
    ]
    for rol, t in inf.roles.items():
        partes.append(
            f'<div class="bloque" id="rol-{rol.name.lower()}"><h3>{escape(formato.titulo(t))}'
            f"</h3>{_tarjetas(t, fr)}</div>"
        )
    partes += [
        f'</section>\n<section id="graficos"><h2>Gráficos por regional{_ARRIBA}</h2>',
        "<h3>Contratos de aprendizaje voluntarios por regional (CV)</h3>",
        grafico_cv(inf),
        "<h3>Empresas contactadas por regional (EC)</h3>",
        grafico_ec(inf),
        f'</section>\n<section id="regionales"><h2>Regionales y sus gestores{_ARRIBA}</h2>',
    ]
    for codigo, t in inf.regionales.items():
        if codigo not in mostradas:
            continue
        titulo = formato.titulo(t, inf.parametros)
        partes.append(
            f'<section class="regional" id="{mostradas[codigo]}"><h3>{escape(titulo)}'
            f"{_ARRIBA}</h3>{_tarjetas(t, fr)}"
        )
        de_la_regional = gestores_de.get(codigo, [])
        if de_la_regional:
            partes.append(
                '<div class="bloque"><h4>Gestores de la regional</h4>'
                + _matriz(de_la_regional, f"Gestores de {t.nombre}", fr, anclas)
                + "</div>"
            )
        partes.append("</section>\n")
    if not inf.gestores:
        partes.append("<p>No hay gestores en los datos.</p>")
    sin_datos = len(inf.regionales) - len(mostradas)
    if sin_datos:
        partes.append(f"<p>Regionales sin datos en el periodo (no se muestran): {sin_datos}.</p>")
    partes.append(f'</section>\n<section id="excluidos"><h2>Registros excluidos{_ARRIBA}</h2>')
    resumen = {m: n for m, n in sorted(inf.resumen_excluidos().items()) if n}
    if resumen:
        partes.append(
            '<table class="bloque"><thead><tr><th>Motivo</th><th>Registros</th></tr></thead>'
            "<tbody>"
            + "".join(
                f'<tr><td>{escape(m)}</td><td class="num">{formato.numero(n)}</td></tr>'
                for m, n in resumen.items()
            )
            + "</tbody></table>"
        )
    else:
        partes.append("<p>Ningún registro excluido.</p>")
    partes.append("</section>\n</body>\n</html>\n")
    return "".join(partes)


def _leyenda(inf: Informe) -> str:
    verde = formato.porcentaje(inf.parametros.umbral_verde)
    amarillo = formato.porcentaje(inf.parametros.umbral_amarillo)
    spans = []
    for semaforo, texto in (
        (Semaforo.VERDE, f"verde: avance ≥ {verde} de lo esperado"),
        (Semaforo.AMARILLO, f"amarillo: {amarillo} a {verde}"),
        (Semaforo.ROJO, f"rojo: menos de {amarillo}"),
        (None, "gris: sin semáforo (sin meta o sin datos)"),
    ):
        _, fuerte, fondo = _color(semaforo)
        estilo = f"background:{fondo};border-left:4px solid {fuerte}"
        spans.append(f'<span style="{estilo}">{texto}</span>')
    return (
        '<p class="leyenda">Semáforo: '
        + "".join(spans)
        + " El avance es el valor dividido por lo esperado al corte (la meta prorrateada por "
        "lo transcurrido de su horizonte). En los techos (EM) es verde hasta el techo y rojo "
        "por encima.</p>"
    )
