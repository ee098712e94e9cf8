"""Acceso a la carpeta compartida de seguimiento (R26; § formatos, carpeta compartida).

Cada gestor registra solo su propio formato mensual; el coordinador de una regional consolida
y sube el informe de esa regional y lo consulta, por gestor incluido; la Dirección General y
la propietaria de la carpeta consultan todas las regionales, su detalle por gestor y el informe
nacional, y no diligencian nada. Todo lo demás se niega con `AccesoDenegado`.

>>> coordinador = Usuario("c-41", RolUsuario.COORDINADOR, "Huila")
>>> puede(coordinador, Accion.CONSULTAR_DETALLE_GESTORES, "Huila")
True
>>> puede(coordinador, Accion.CONSULTAR_REGIONAL, "Meta")
False
>>> puede(Usuario("dg-1", "Dirección General"), "consultar nacional")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from sena_relacionamiento._conversores import regional_de, texto
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.errores import AccesoDenegado, DatoInvalido, RegistroInconsistente
from sena_relacionamiento.regionales import REGIONALES, Regional
from sena_relacionamiento.registros import Gestor

__all__ = [
    "POLITICA_ACCESO",
    "Accion",
    "CarpetaCompartida",
    "Permiso",
    "RolUsuario",
    "Usuario",
    "exigir",
    "puede",
]


class RolUsuario(EnumSena):
    """Quién usa la carpeta compartida (R26)."""

    GESTOR = "Gestor"
    COORDINADOR = "Coordinador"
    DIRECCION_GENERAL = "Dirección General"
    PROPIETARIA_CARPETA = "Propietaria de la carpeta"


class Accion(EnumSena):
    """Lo que se puede pedir en la carpeta compartida (R26).

    Todas son acciones sobre una regional, salvo `CONSULTAR_NACIONAL`.
    """

    REGISTRAR_FORMATO = "Registrar el formato mensual de un gestor"
    CONSOLIDAR_REGIONAL = "Consolidar y subir el informe de una regional"
    CONSULTAR_REGIONAL = "Consultar el informe de una regional"
    CONSULTAR_DETALLE_GESTORES = "Consultar el detalle por gestor de una regional"
    CONSULTAR_NACIONAL = "Consultar el informe nacional"

    @property
    def es_regional(self) -> bool:
        """Si la acción se pide sobre una regional (todas menos `CONSULTAR_NACIONAL`)."""
        return self is not Accion.CONSULTAR_NACIONAL


class Permiso(EnumSena):
    """Hasta dónde llega un rol en una acción: una celda de `POLITICA_ACCESO` (R26)."""

    NUNCA = "Nunca"
    PROPIO_FORMATO = "Solo su propio formato, en su regional"
    PROPIA_REGIONAL = "Solo su regional"
    TODAS = "Todas las regionales"


_ROLES_CON_REGIONAL: Final = frozenset({RolUsuario.GESTOR, RolUsuario.COORDINADOR})

# R26: rol × acción → permiso. Se lee como el texto de la regla; lo que no es NUNCA es todo lo
# que se permite.
# fmt: off
POLITICA_ACCESO: Final[MapaFijo[tuple[RolUsuario, Accion], Permiso]] = MapaFijo({
    (RolUsuario.GESTOR, Accion.REGISTRAR_FORMATO):                       Permiso.PROPIO_FORMATO,
    (RolUsuario.GESTOR, Accion.CONSOLIDAR_REGIONAL):                     Permiso.NUNCA,
    (RolUsuario.GESTOR, Accion.CONSULTAR_REGIONAL):                      Permiso.NUNCA,
    (RolUsuario.GESTOR, Accion.CONSULTAR_DETALLE_GESTORES):              Permiso.NUNCA,
    (RolUsuario.GESTOR, Accion.CONSULTAR_NACIONAL):                      Permiso.NUNCA,
    (RolUsuario.COORDINADOR, Accion.REGISTRAR_FORMATO):                  Permiso.NUNCA,
    (RolUsuario.COORDINADOR, Accion.CONSOLIDAR_REGIONAL):                Permiso.PROPIA_REGIONAL,
    (RolUsuario.COORDINADOR, Accion.CONSULTAR_REGIONAL):                 Permiso.PROPIA_REGIONAL,
    (RolUsuario.COORDINADOR, Accion.CONSULTAR_DETALLE_GESTORES):         Permiso.PROPIA_REGIONAL,
    (RolUsuario.COORDINADOR, Accion.CONSULTAR_NACIONAL):                 Permiso.NUNCA,
    (RolUsuario.DIRECCION_GENERAL, Accion.REGISTRAR_FORMATO):            Permiso.NUNCA,
    (RolUsuario.DIRECCION_GENERAL, Accion.CONSOLIDAR_REGIONAL):          Permiso.NUNCA,
    (RolUsuario.DIRECCION_GENERAL, Accion.CONSULTAR_REGIONAL):           Permiso.TODAS,
    (RolUsuario.DIRECCION_GENERAL, Accion.CONSULTAR_DETALLE_GESTORES):   Permiso.TODAS,
    (RolUsuario.DIRECCION_GENERAL, Accion.CONSULTAR_NACIONAL):           Permiso.TODAS,
    (RolUsuario.PROPIETARIA_CARPETA, Accion.REGISTRAR_FORMATO):          Permiso.NUNCA,
    (RolUsuario.PROPIETARIA_CARPETA, Accion.CONSOLIDAR_REGIONAL):        Permiso.NUNCA,
    (RolUsuario.PROPIETARIA_CARPETA, Accion.CONSULTAR_REGIONAL):         Permiso.TODAS,
    (RolUsuario.PROPIETARIA_CARPETA, Accion.CONSULTAR_DETALLE_GESTORES): Permiso.TODAS,
    (RolUsuario.PROPIETARIA_CARPETA, Accion.CONSULTAR_NACIONAL):         Permiso.TODAS,
})
# fmt: on
"""La política de R26: (rol, acción) → `Permiso`, las 20 combinaciones escritas."""


def _regional_opcional(valor: object) -> Regional | None:
    return None if valor is None else regional_de(valor)


def _id(valor: object) -> str:
    return texto(valor, "id")


def _rol(valor: object) -> RolUsuario:
    return RolUsuario.de(valor, "rol")


@attrs.frozen
class Usuario:
    """Quien pide algo en la carpeta compartida (R26): su `id`, su `rol` (miembro, nombre o
    etiqueta) y su `regional`.

    Un gestor o un coordinador debe nombrar su regional; la Dirección General y la
    propietaria de la carpeta no tienen regional y nombrarles una es un `DatoInvalido`
    (**decisión**: se rechaza en vez de ignorarse, para no esconder un error del llamador).

    >>> Usuario(id="g-7", rol="gestor", regional="Bogotá").regional.nombre
    'Distrito Capital'
    >>> Usuario(id="c-5", rol=RolUsuario.COORDINADOR)
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.DatoInvalido: regional: el rol Coordinador debe nombrar ...
    """

    id: str = attrs.field(converter=_id)
    rol: RolUsuario = attrs.field(converter=_rol)
    regional: Regional | None = attrs.field(default=None, converter=_regional_opcional)

    def __attrs_post_init__(self) -> None:
        if self.rol in _ROLES_CON_REGIONAL and self.regional is None:
            raise DatoInvalido(
                f"el rol {self.rol.etiqueta} debe nombrar su regional, una de las 33",
                campo="regional",
                valor=None,
            )
        if self.rol not in _ROLES_CON_REGIONAL and self.regional is not None:
            raise DatoInvalido(
                f"el rol {self.rol.etiqueta} no tiene regional; se esperaba None",
                campo="regional",
                valor=self.regional.nombre,
            )

    def describir(self) -> str:
        """Quién es, en una frase corta para los mensajes.

        >>> Usuario("c-41", "coordinador", "Huila").describir()
        "el usuario 'c-41' (Coordinador de la regional Huila)"
        """
        donde = "" if self.regional is None else f" de la regional {self.regional}"
        return f"el usuario {self.id!r} ({self.rol.etiqueta}{donde})"


_CON_GESTOR: Final = frozenset({Accion.REGISTRAR_FORMATO, Accion.CONSULTAR_DETALLE_GESTORES})


def _motivo_de_negacion(
    usuario: Usuario,
    accion: Accion,
    destino: Regional | None,
    gestor: str | None,
    regional_gestor: Regional | None = None,
) -> str | None:
    """Por qué R26 niega la acción, o `None` si la permite."""
    permiso = POLITICA_ACCESO[(usuario.rol, accion)]
    if permiso is Permiso.NUNCA:
        return f"el rol {usuario.rol.etiqueta} nunca tiene permitida esa acción"
    if accion in _CON_GESTOR and regional_gestor is not None and regional_gestor != destino:
        return f"el gestor {gestor!r} es de la regional {regional_gestor}, no de {destino}"
    if permiso is Permiso.TODAS:
        return None
    # PROPIA_REGIONAL y PROPIO_FORMATO: solo en su regional (un gestor o un coordinador siempre
    # tiene una, y una acción regional siempre nombra una).
    if destino != usuario.regional:
        return f"solo puede hacerlo en su propia regional, {usuario.regional}"
    if permiso is Permiso.PROPIO_FORMATO and gestor not in (None, usuario.id):
        return "solo puede registrar su propio formato mensual"
    return None


def _validar(
    usuario: object, accion: object, destino: object, gestor: object
) -> tuple[Usuario, Accion, Regional | None, str | None, Regional | None]:
    if not isinstance(usuario, Usuario):
        raise DatoInvalido("se esperaba un Usuario", campo="usuario", valor=usuario)
    la_accion = Accion.de(accion, "accion")
    la_regional = None if destino is None else regional_de(destino)
    if la_accion.es_regional and la_regional is None:
        raise DatoInvalido(
            f"la acción {la_accion.name} es sobre una regional; se esperaba la regional",
            campo="regional",
            valor=None,
        )
    regional_gestor = None
    if gestor is None:
        el_gestor = None
    elif isinstance(gestor, Gestor):
        el_gestor, regional_gestor = gestor.id, gestor.regional
    else:
        el_gestor = texto(gestor, "gestor")
    return usuario, la_accion, la_regional, el_gestor, regional_gestor


# Qué se pidió, para los mensajes de `AccesoDenegado`.
_QUE: Final[MapaFijo[Accion, str]] = MapaFijo(
    {
        Accion.REGISTRAR_FORMATO: "registrar {formato} en la regional {regional}",
        Accion.CONSOLIDAR_REGIONAL: "consolidar y subir el informe de la regional {regional}",
        Accion.CONSULTAR_REGIONAL: "consultar el informe de la regional {regional}",
        Accion.CONSULTAR_DETALLE_GESTORES: "consultar el detalle por gestor de la regional "
        "{regional}",
        Accion.CONSULTAR_NACIONAL: "consultar el informe nacional",
    }
)


def _negacion(
    usuario: Usuario,
    accion: Accion,
    destino: Regional | None,
    gestor: str | None,
    regional_gestor: Regional | None,
    motivo: str,
) -> AccesoDenegado:
    formato = (
        "su propio formato mensual"
        if gestor in (None, usuario.id)
        else f"el formato mensual del gestor {gestor!r}"
    )
    que = _QUE[accion].format(formato=formato, regional=destino)
    return AccesoDenegado(f"{usuario.describir()} no puede {que}: {motivo} (R26)")


def puede(
    usuario: Usuario,
    accion: Accion | str,
    regional: str | int | Regional | None = None,
    gestor: str | Gestor | None = None,
) -> bool:
    """Si R26 permite a `usuario` la `accion` sobre `regional` (y, para
    ``REGISTRAR_FORMATO``, sobre el formato de `gestor`).

    Las acciones regionales (todas menos ``CONSULTAR_NACIONAL``) deben nombrar la regional:
    sin ella es un `DatoInvalido`. `gestor` cuenta para ``REGISTRAR_FORMATO`` y
    ``CONSULTAR_DETALLE_GESTORES``: `None` en ``REGISTRAR_FORMATO`` es **el formato propio**
    del usuario (**decisión**); un id de texto se compara con el del usuario; un `Gestor` dice
    además su regional, y el de otra regional que la pedida se niega siempre (issue 12: con
    solo el id, `puede` no puede saber su regional; pase el `Gestor` para que se revise).

    >>> gestor = Usuario("g-1", RolUsuario.GESTOR, "Huila")
    >>> puede(gestor, Accion.REGISTRAR_FORMATO, "Huila")
    True
    >>> puede(gestor, Accion.REGISTRAR_FORMATO, "Huila", gestor="g-2")
    False
    >>> puede(Usuario("dg-1", "direccion general"), Accion.CONSOLIDAR_REGIONAL, "Huila")
    False
    """
    datos = _validar(usuario, accion, regional, gestor)
    return _motivo_de_negacion(*datos) is None


def exigir(
    usuario: Usuario,
    accion: Accion | str,
    regional: str | int | Regional | None = None,
    gestor: str | Gestor | None = None,
) -> None:
    """Como `puede`, pero una acción negada lanza `AccesoDenegado` con un mensaje que dice
    quién, qué, sobre qué regional y por qué (R26).

    >>> exigir(Usuario("c-41", "coordinador", "Huila"), Accion.CONSULTAR_NACIONAL)
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.AccesoDenegado: el usuario 'c-41' (Coordinador de la regional
    Huila) no puede consultar el informe nacional: el rol Coordinador nunca tiene permitida esa
    acción (R26)
    """
    datos = _validar(usuario, accion, regional, gestor)
    motivo = _motivo_de_negacion(*datos)
    if motivo is not None:
        raise _negacion(*datos, motivo)


def _coordinadores(valor: object) -> tuple[Usuario, ...]:
    if isinstance(valor, str | bytes) or not isinstance(valor, Iterable):
        raise DatoInvalido(
            "se esperaba una colección de Usuario", campo="coordinadores", valor=valor
        )
    tupla = tuple(valor)
    for posicion, usuario in enumerate(tupla):
        if not isinstance(usuario, Usuario) or usuario.rol is not RolUsuario.COORDINADOR:
            raise DatoInvalido(
                "se esperaba un Usuario con rol COORDINADOR",
                campo=f"coordinadores[{posicion}]",
                valor=usuario,
            )
    return tupla


def _propietaria(
    instancia: CarpetaCompartida, atributo: attrs.Attribute[Usuario], valor: object
) -> None:
    if not isinstance(valor, Usuario) or valor.rol is not RolUsuario.PROPIETARIA_CARPETA:
        raise DatoInvalido(
            "se esperaba un Usuario con rol PROPIETARIA_CARPETA", campo="propietaria", valor=valor
        )


@attrs.frozen
class CarpetaCompartida:
    """La carpeta compartida de seguimiento (R26): su `propietaria` en la Dirección General y
    exactamente un coordinador por cada una de las 33 regionales.

    Una regional sin coordinador o con más de uno, o dos usuarios con un mismo id, es un
    `RegistroInconsistente` que nombra las regionales y los registros. Sus `puede` y `exigir`
    aplican la política de R26 y además niegan a un coordinador o a una propietaria que no
    sean los de la carpeta. A los gestores y a la Dirección General no los lista la circular:
    para ellos rige solo la política.

    >>> from sena_relacionamiento import REGIONALES
    >>> coordinadores = [Usuario(f"c-{r.codigo}", "coordinador", r) for r in REGIONALES]
    >>> carpeta = CarpetaCompartida(Usuario("prop", "propietaria de la carpeta"), coordinadores)
    >>> carpeta.coordinador("Huila").id
    'c-41'
    >>> carpeta.puede(Usuario("intruso", "coordinador", "Huila"), "consultar regional", "Huila")
    False
    >>> CarpetaCompartida(carpeta.propietaria, coordinadores[1:])
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.RegistroInconsistente: ... regionales sin coordinador: Antioquia
    """

    propietaria: Usuario = attrs.field(validator=_propietaria)
    coordinadores: tuple[Usuario, ...] = attrs.field(converter=_coordinadores)

    def __attrs_post_init__(self) -> None:
        problemas: list[str] = []
        registros: list[Usuario] = []
        por_regional = {r: [c for c in self.coordinadores if c.regional == r] for r in REGIONALES}
        sin = [str(r) for r, cs in por_regional.items() if not cs]
        if sin:
            problemas.append("regionales sin coordinador: " + ", ".join(sin))
        for r, cs in por_regional.items():
            if len(cs) > 1:
                ids = ", ".join(repr(c.id) for c in cs)
                problemas.append(f"la regional {r} tiene {len(cs)} coordinadores ({ids})")
                registros.extend(cs)
        vistos: dict[str, Usuario] = {}
        for usuario in (self.propietaria, *self.coordinadores):
            previo = vistos.setdefault(usuario.id, usuario)
            if previo is not usuario:
                problemas.append(f"el id {usuario.id!r} lo tienen dos usuarios")
                registros.extend((previo, usuario))
        if problemas:
            raise RegistroInconsistente(
                "la carpeta compartida no tiene exactamente un coordinador por cada una de las "
                "33 regionales y un id por usuario: " + "; ".join(problemas),
                registros,
            )

    def coordinador(self, consulta: str | int | Regional) -> Usuario:
        """El coordinador de la regional dada.

        >>> from sena_relacionamiento import REGIONALES
        >>> carpeta = CarpetaCompartida(
        ...     Usuario("prop", "propietaria de la carpeta"),
        ...     [Usuario(f"c-{r.codigo}", "coordinador", r) for r in REGIONALES],
        ... )
        >>> carpeta.coordinador("05")
        Usuario(id='c-05', rol=<RolUsuario.COORDINADOR: 'Coordinador'>,
                regional=Regional(codigo='05', nombre='Antioquia'))
        """
        buscada = regional_de(consulta)
        return next(c for c in self.coordinadores if c.regional == buscada)

    def _motivo_propio(self, usuario: Usuario) -> str | None:
        """Por qué la carpeta no reconoce al usuario, o `None` si lo reconoce."""
        if usuario.rol is RolUsuario.COORDINADOR and usuario not in self.coordinadores:
            return "no es el coordinador de su regional registrado en la carpeta"
        if usuario.rol is RolUsuario.PROPIETARIA_CARPETA and usuario != self.propietaria:
            return "no es la propietaria registrada de la carpeta"
        return None

    def puede(
        self,
        usuario: Usuario,
        accion: Accion | str,
        regional: str | int | Regional | None = None,
        gestor: str | Gestor | None = None,
    ) -> bool:
        """Como la función `puede`, y además niega a un coordinador o a una propietaria que
        no sean los de esta carpeta."""
        datos = _validar(usuario, accion, regional, gestor)
        return self._motivo_propio(datos[0]) is None and _motivo_de_negacion(*datos) is None

    def exigir(
        self,
        usuario: Usuario,
        accion: Accion | str,
        regional: str | int | Regional | None = None,
        gestor: str | Gestor | None = None,
    ) -> None:
        """Como la función `exigir`, y además niega a un coordinador o a una propietaria que
        no sean los de esta carpeta."""
        datos = _validar(usuario, accion, regional, gestor)
        motivo = self._motivo_propio(datos[0]) or _motivo_de_negacion(*datos)
        if motivo is not None:
            raise _negacion(*datos, motivo)
