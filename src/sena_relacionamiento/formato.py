"""Cifras, fechas y etiquetas para personas, como se escriben en Colombia (es_CO, con babel).

Es un borde de la biblioteca: lo usan los escritores de informes y la línea de comandos; el
núcleo no lo importa. Los miles van con punto, los decimales con coma, el signo de pesos
adelante y el de porcentaje separado por un espacio.

>>> from decimal import Decimal
>>> numero(14200), pesos(50_000_000), porcentaje(Decimal("0.9"))
('14.200', '$ 50.000.000', '90,0 %')
>>> fecha(date(2012, 3, 25))
'25 de marzo de 2012'

Una sola regla de redondeo para toda salida para personas (R32: texto, HTML, XLSX y CSV
para Excel): las cifras se **recortan hacia el lado que no alcanza la meta**, nunca se
redondean hacia ella. Un mínimo (EC, EP, EG, los conteos y el avance del semáforo) se recorta
hacia abajo: 89,95 % se muestra «89,9 %», nunca «90,0 %» junto a un «No cumple» (el estado
se calcula con la cifra exacta, R24). En un techo (EM, R20) se recorta hacia arriba, por la
misma razón: 6,01 % es «6,1 %», nunca «6,0 %» junto a un «No cumple». Los porcentajes llevan
siempre un decimal y la efectividad del portafolio (EP) dos, como los formatos de las celdas
del XLSX (`formato_excel`), que reciben la cifra ya recortada (`cifra_mostrada`): Excel
redondea al mostrar, pero una cifra recortada se muestra tal cual.

>>> porcentaje(Decimal("0.8995")), porcentaje(Decimal("0.06001"), techo=True)
('89,9 %', '6,1 %')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from fractions import Fraction
from functools import wraps
from typing import TYPE_CHECKING, Final, ParamSpec, TypeVar

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.indicadores._base import TipoAmbito
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado

if TYPE_CHECKING:
    from sena_relacionamiento.informe import Tablero
    from sena_relacionamiento.parametros import Parametros
    from sena_relacionamiento.periodos import Periodo

__all__ = [
    "INDICADORES_PORCENTUALES",
    "LOCALE",
    "SIN_VALOR",
    "avance",
    "cifra",
    "cifra_avance",
    "cifra_mostrada",
    "con_datos",
    "contexto_propio",
    "detalle",
    "es_porcentual",
    "etiqueta",
    "fecha",
    "fecha_corta",
    "formato_excel",
    "fracciones",
    "meta",
    "nombre",
    "nombre_gestor",
    "numero",
    "pesos",
    "porcentaje",
    "sigla",
    "titulo",
    "valor",
]

LOCALE: Final = "es_CO"
"""El locale de babel de todas las cifras: español de Colombia."""

SIN_VALOR: Final = "—"
"""Lo que se muestra donde no hay valor (sin datos, sin meta, sin semáforo)."""

INDICADORES_PORCENTUALES: Final = frozenset({Indicador.EC, Indicador.EG, Indicador.EM})
"""Las razones que se leen como porcentaje (R14, R17, R20); EP es servicios por empresa."""

_TECHOS: Final = frozenset({Indicador.EM})

_P = ParamSpec("_P")
_T = TypeVar("_T")


def _contexto(valor: int | Decimal | None = None) -> Context:
    """Un contexto decimal propio, no el de quien llama (con `prec=10` o la trampa `Inexact`
    activada, babel y `quantize` fallarían): 28 dígitos o, para un monto más grande, los que
    pida su parte entera y 30 más, para recortar decimales sin perder ninguno."""
    digitos = 0
    if isinstance(valor, int):
        digitos = valor.bit_length() * 3 // 10 + 2  # ≥ los dígitos decimales
    elif isinstance(valor, Decimal) and valor.is_finite() and valor:
        digitos = max(valor.adjusted(), 0) + 1
    return Context(
        prec=max(28, digitos + 30),
        rounding=ROUND_HALF_EVEN,
        traps=[InvalidOperation, DivisionByZero, Overflow],
    )


def contexto_propio(funcion: Callable[_P, _T]) -> Callable[_P, _T]:
    """Corre `funcion` con un contexto decimal propio (28 dígitos, redondeo al par, sin la
    trampa `Inexact`): los escritores para personas no dependen del contexto de quien llama."""

    @wraps(funcion)
    def envuelta(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with localcontext(_contexto()):
            return funcion(*args, **kwargs)

    return envuelta


def _recortar(valor: Decimal, decimales: int, techo: bool) -> Decimal:
    """`valor` con `decimales` cifras decimales, recortado hacia cero (o hacia arriba en un
    techo) para que la cifra mostrada nunca alcance una meta que la exacta no alcanza."""
    with localcontext(_contexto(valor)) as contexto:
        return valor.quantize(
            Decimal(1).scaleb(-decimales),
            rounding=ROUND_UP if techo else ROUND_DOWN,
            context=contexto,
        )


def numero(valor: int | Decimal, decimales: int = 2, *, fijos: bool = False) -> str:
    """Un número con miles con punto y hasta `decimales` decimales con coma (exactamente
    `decimales` si `fijos`), recortado hacia cero.

    >>> from decimal import Decimal
    >>> numero(2500), numero(Decimal("1.6666")), numero(Decimal("2.00")), numero(-1234)
    ('2.500', '1,66', '2', '-1.234')
    >>> numero(2, fijos=True)
    '2,00'
    """
    if isinstance(valor, Decimal):
        valor = _recortar(valor, decimales, techo=False)
    patron = "#,##0." + ("0" if fijos else "#") * decimales if decimales else "#,##0"
    with localcontext(_contexto(valor)):
        return str(format_decimal(valor, format=patron, locale=LOCALE))


def pesos(valor: int | Decimal) -> str:
    """Una cantidad de pesos (R5): ``$ 50.000.000``; con centavos, ``$ 1.234,50``.

    >>> from decimal import Decimal
    >>> pesos(50_000_000), pesos(Decimal("1234.5")), pesos(Decimal("100.00"))
    ('$ 50.000.000', '$ 1.234,50', '$ 100')
    """
    with localcontext(_contexto(valor)) as contexto:
        con_centavos = isinstance(valor, Decimal) and valor != valor.to_integral_value(
            context=contexto
        )
        patron = "¤ #,##0.00" if con_centavos else "¤ #,##0"
        return str(
            format_currency(valor, "COP", format=patron, locale=LOCALE, currency_digits=False)
        )


def porcentaje(valor: Decimal, *, techo: bool = False) -> str:
    """Una proporción (0.9) como porcentaje con un decimal: ``90,0 %``, ``83,3 %``.

    Se recorta hacia cero; con ``techo=True``, hacia arriba (ver el módulo).

    >>> from decimal import Decimal
    >>> porcentaje(Decimal(5) / 6), porcentaje(Decimal("0.06"), techo=True)
    ('83,3 %', '6,0 %')
    """
    recortado = _recortar(valor, 3, techo)
    with localcontext(_contexto(recortado)):
        return str(format_percent(recortado, format="#,##0.0 %", locale=LOCALE))


def fecha(valor: date) -> str:
    """Una fecha en palabras: ``25 de marzo de 2012``."""
    return str(format_date(valor, format="long", locale=LOCALE))


def fecha_corta(valor: date) -> str:
    """Una fecha como la escribe Excel en español: ``DD/MM/AAAA``.

    >>> fecha_corta(date(2012, 3, 5))
    '05/03/2012'
    """
    return valor.strftime("%d/%m/%Y")


def etiqueta(miembro: EnumSena | None) -> str:
    """La etiqueta en español de un miembro (``Cumple``, ``Verde``) o «—» si no hay.

    >>> from sena_relacionamiento.indicadores.resultado import Estado
    >>> etiqueta(Estado.NO_CUMPLE), etiqueta(None)
    ('No cumple', '—')
    """
    return SIN_VALOR if miembro is None else miembro.etiqueta


def es_porcentual(indicador: Indicador) -> bool:
    """Si el valor y la meta del indicador se leen como porcentaje (EC, EG, EM)."""
    return indicador in INDICADORES_PORCENTUALES


_SIGLAS: Final = {
    Indicador.SISMEG_FORMADOS: "SISMEG formados",
    Indicador.SISMEG_EMPLEOS: "SISMEG empleos",
}


def sigla(indicador: Indicador) -> str:
    """La sigla de un indicador para personas, sin códigos internos: ``EC``, ``SISMEG
    formados`` (el código ``SISMEG_FORMADOS`` queda para JSON y la documentación).

    >>> sigla(Indicador.SISMEG_EMPLEOS), sigla(Indicador.EP)
    ('SISMEG empleos', 'EP')
    """
    return _SIGLAS.get(indicador, indicador.name)


def cifra(indicador: Indicador, cantidad: int | Decimal) -> str:
    """Una cifra (valor o meta) de un indicador para personas: porcentaje con un decimal en
    las razones porcentuales, dos decimales fijos en EP, entero con miles en los conteos;
    siempre recortada hacia el lado que no alcanza la meta (ver el módulo).

    >>> from decimal import Decimal
    >>> cifra(Indicador.EC, Decimal("0.8999")), cifra(Indicador.EP, 2), cifra(Indicador.CV, 14200)
    ('89,9 %', '2,00', '14.200')
    """
    if es_porcentual(indicador):
        return porcentaje(Decimal(cantidad), techo=indicador in _TECHOS)
    if indicador is Indicador.EP:
        return numero(Decimal(cantidad), 2, fijos=True)
    return numero(cantidad)


_cifra = cifra


def cifra_mostrada(indicador: Indicador, cantidad: int | Decimal) -> int | Decimal:
    """La cifra ya recortada como la muestra `cifra`, para una celda de XLSX con el formato
    `formato_excel(indicador)`: Excel redondea al mostrar, y una cifra recortada se muestra
    igual que en el texto (R32).

    >>> from decimal import Decimal
    >>> cifra_mostrada(Indicador.EC, Decimal("0.89996")), cifra_mostrada(Indicador.CV, 7)
    (Decimal('0.899'), 7)
    """
    if es_porcentual(indicador):
        return _recortar(Decimal(cantidad), 3, indicador in _TECHOS)
    if indicador is Indicador.EP:
        return _recortar(Decimal(cantidad), 2, techo=False)
    return cantidad


_FORMATO_PORCENTAJE_EXCEL: Final = '#,##0.0" "%'


def formato_excel(indicador: Indicador | None = None) -> str:
    """El formato de número de una celda de XLSX que muestra la cifra como `cifra` (el del
    avance, sin `indicador`): ``#,##0.0 %`` (con el espacio de babel), ``#,##0.00`` o
    ``#,##0``. Excel pone los separadores del idioma del equipo."""
    if indicador is None or es_porcentual(indicador):
        return _FORMATO_PORCENTAJE_EXCEL
    if indicador is Indicador.EP:
        return "#,##0.00"
    return "#,##0"


def fracciones(periodo: Periodo, parametros: Parametros) -> dict[Indicador, Fraction]:
    """La fracción transcurrida del horizonte de la meta de cada indicador al corte de
    `periodo` (R25): la que prorratea la meta en lo esperado, tomada de los criterios del
    núcleo (la misma que usó el semáforo)."""
    from sena_relacionamiento.indicadores._base import Ambito, Contexto
    from sena_relacionamiento.informe import _INDICADORES, CLAVE_NACIONAL

    ctx = Contexto.de(periodo, parametros)
    nacion = Ambito(TipoAmbito.NACIONAL, CLAVE_NACIONAL)
    return {i: modulo.criterio(i, nacion, ctx).avance for i, _, modulo in _INDICADORES}


def avance(resultado: Resultado, fraccion: Fraction) -> Fraction | None:
    """El avance que mide el semáforo (R25, R31): valor / esperado, exacto, donde esperado es
    la meta por `fraccion` (la de `fracciones`); `None` sin semáforo o con lo esperado en
    cero (verde sin cifra que mostrar).

    >>> from datetime import date
    >>> from sena_relacionamiento.indicadores.resultado import Estado, Semaforo
    >>> r = Resultado(indicador=Indicador.CV, inicio=date(2011, 12, 26), fin=date(2012, 3, 25),
    ...     valor=57, meta=250, numerador=57, denominador=None, estado=Estado.EN_CURSO,
    ...     semaforo=Semaforo.AMARILLO)
    >>> avance(r, Fraction(3, 12))
    Fraction(114, 125)
    """
    if resultado.semaforo is None or resultado.meta is None:
        return None
    esperado = Fraction(resultado.meta) * fraccion
    if not esperado:
        return None
    logrado = (
        Fraction(int(resultado.numerador), resultado.denominador)
        if resultado.denominador
        else Fraction(resultado.valor or 0)
    )
    return logrado / esperado


def _decimal(fraccion: Fraction) -> Decimal:
    """Una fracción como `Decimal` con precisión de sobra para recortarla a 3 decimales."""
    with localcontext(_contexto()) as contexto:
        return contexto.divide(Decimal(fraccion.numerator), Decimal(fraccion.denominator))


def cifra_avance(resultado: Resultado, fraccion: Fraction) -> str:
    """El avance (`avance`) para personas, recortado como el valor: hacia abajo en un mínimo
    y hacia arriba en un techo (EM: 100,1 % es rojo, nunca «100,0 %»); «—» si no hay."""
    exacto = avance(resultado, fraccion)
    if exacto is None:
        return SIN_VALOR
    return porcentaje(_decimal(exacto), techo=resultado.indicador in _TECHOS)


def avance_mostrado(resultado: Resultado, fraccion: Fraction) -> Decimal | None:
    """El avance recortado como lo muestra `cifra_avance`, para una celda de XLSX."""
    exacto = avance(resultado, fraccion)
    if exacto is None:
        return None
    return _recortar(_decimal(exacto), 3, resultado.indicador in _TECHOS)


def nombre_gestor(id_gestor: str, nombre: str | None = None) -> str:
    """Cómo se nombra a un gestor para personas (issue 16): «Nombre (id)» si los datos traen su
    nombre (`Gestor.nombre`), si no su id.

    >>> nombre_gestor("g01"), nombre_gestor("g01", "Ana Ruiz")
    ('g01', 'Ana Ruiz (g01)')
    """
    return f"{nombre} ({id_gestor})" if nombre else id_gestor


def valor(resultado: Resultado, *, terminos: bool = True) -> str:
    """El valor de un resultado para personas; en las razones, con sus términos si
    `terminos`.

    ``90 % (27 de 30)`` en EC, ``1,66 (5 de 3)`` en EP, ``14.200`` en un conteo y «—» sin
    datos (R24).
    """
    if resultado.valor is None:
        return SIN_VALOR
    texto = _cifra(resultado.indicador, resultado.valor)
    if terminos and resultado.denominador is not None:
        texto += f" ({numero(resultado.numerador)} de {numero(resultado.denominador)})"
    return texto


def meta(resultado: Resultado) -> str:
    """La meta de un resultado: ``90 %``, ``2``, ``5.500``; un techo con «máx.» (EM, R20) y
    «—» si el ámbito no tiene meta (R24)."""
    if resultado.meta is None:
        return SIN_VALOR
    texto = _cifra(resultado.indicador, resultado.meta)
    return f"máx. {texto}" if resultado.indicador in _TECHOS else texto


def detalle(resultado: Resultado) -> str:
    """Un resumen de una línea del detalle de un resultado (R14–R21), o «» si no hay nada
    que decir: solo las cifras distintas de cero.

    Dice los contactos fuera de cartera y las empresas con menos de 3 contactos en el año
    (EC), las empresas con dos servicios (EP), los servicios más solicitados (EG), el valor
    en pesos (AF), el incremento del mes y los contratos dentro de cuota (CV), el tope
    publicado (EM) y los asistentes (PE).
    """
    d: Mapping[str, object] = resultado.detalle
    i = resultado.indicador
    partes: list[str] = []

    def cuenta(texto: str, clave: str) -> None:
        cantidad = _entero(d, clave)
        if cantidad:
            partes.append(f"{texto}: {numero(cantidad)}")

    if i is Indicador.EC:
        cuenta("fuera de cartera", "fuera_de_cartera")
        menos = d.get("empresas_con_menos_de_3_contactos", ())
        if isinstance(menos, tuple) and menos:
            partes.append(f"con menos de 3 contactos en el año: {numero(len(menos))}")
    elif i is Indicador.EP:
        if resultado.denominador:
            partes.append(
                f"empresas con 2 servicios: {numero(_entero(d, 'empresas_con_2_servicios'))}"
            )
    elif i is Indicador.EG:
        servicios = d.get("servicios_mas_solicitados", ())
        if isinstance(servicios, tuple) and servicios:
            lista = ", ".join(f"{nombre} ({numero(veces)})" for nombre, veces in servicios)
            partes.append(f"más solicitados: {lista}")
    elif i is Indicador.AF:
        if _entero(d, "cantidad_anio"):
            partes.append(f"valor: {pesos(_entero(d, 'valor_pesos'))}")
            partes.append(
                f"en el año: {numero(_entero(d, 'cantidad_anio'))} por "
                f"{pesos(_entero(d, 'valor_pesos_anio'))}"
            )
    elif i is Indicador.CV:
        cuenta("en el mes", "incremento_mes")
        cuenta("dentro de cuota", "dentro_de_cuota")
    elif i is Indicador.EM:
        tope = d.get("tope_publicado")
        if isinstance(tope, int):
            empresas = "empresa" if tope == 1 else "empresas"
            partes.append(f"tope publicado: {numero(tope)} {empresas}")
    elif i is Indicador.PE:
        cuenta("asistentes", "asistentes")
    return "; ".join(partes)


def _entero(detalle_: Mapping[str, object], clave: str) -> int | Decimal:
    """Un conteo o una suma del detalle; 0 si falta."""
    cantidad = detalle_.get(clave, 0)
    return cantidad if isinstance(cantidad, int | Decimal) else 0


def con_datos(tablero: Tablero) -> bool:
    """Si el tablero tiene algo que mostrar: algún numerador o denominador distinto de cero.

    Las 33 regionales tienen tablero (R24); los informes para personas muestran solo las
    que tienen datos.
    """
    return any(r.numerador or r.denominador for r in tablero.resultados)


def titulo(tablero: Tablero, parametros: Parametros | None = None) -> str:
    """El nombre de un ámbito para personas: ``Nacional: Colombia``, ``Rol: Estratégico``,
    ``Regional: Antioquia (05)``, ``Gestor: g01``.

    Con `parametros`, el de una regional dice además su segmento (R3) y si es inferido. Sin
    identificadores de reglas: es texto para personas (R32).
    """
    ambito = tablero.ambito
    if ambito is TipoAmbito.REGIONAL:
        texto = f"Regional: {tablero.nombre} ({tablero.clave})"
        if parametros is not None:
            texto += f", segmento {parametros.segmentos[tablero.clave].etiqueta.lower()}"
            if tablero.clave in parametros.segmentos_inferidos:
                texto += " (inferido)"
        return texto
    if ambito is TipoAmbito.GESTOR:
        return f"{ambito.etiqueta}: {nombre_gestor(tablero.clave, _nombre(tablero))}"
    return f"{ambito.etiqueta}: {tablero.nombre}"


def nombre(tablero: Tablero) -> str:
    """El nombre de un ámbito sin su tipo: ``Colombia``, ``Estratégico``, ``Antioquia``; el
    de un gestor, por `nombre_gestor`."""
    if tablero.ambito is TipoAmbito.GESTOR:
        return nombre_gestor(tablero.clave, _nombre(tablero))
    return tablero.nombre


def _nombre(tablero: Tablero) -> str | None:
    """El nombre de la persona de un tablero de gestor, si los datos lo traen (sin él, el
    nombre del tablero de un gestor es su id)."""
    return tablero.nombre if tablero.nombre != tablero.clave else None
