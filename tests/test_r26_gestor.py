"""R26 con el gestor (issue 12, punto 11): `puede` sabe la regional de un gestor dado como
`Gestor` y niega el detalle de un gestor de otra regional; `gestor=None` es el propio formato."""

from __future__ import annotations

import pytest

from sena_relacionamiento import AccesoDenegado, Gestor
from sena_relacionamiento.acceso import Accion, RolUsuario, Usuario, exigir, puede

COORDINADOR = Usuario("c-41", RolUsuario.COORDINADOR, "Huila")
DEL_META = Gestor(id="g-meta", rol="Empresarial", regional="Meta")
DEL_HUILA = Gestor(id="g-huila", rol="Empresarial", regional="Huila")


def test_r26_detalle_de_un_gestor_de_otra_regional_se_niega() -> None:
    accion = Accion.CONSULTAR_DETALLE_GESTORES
    assert puede(COORDINADOR, accion, "Huila", gestor=DEL_HUILA)
    assert not puede(COORDINADOR, accion, "Huila", gestor=DEL_META)
    direccion = Usuario("dg-1", RolUsuario.DIRECCION_GENERAL)
    assert not puede(direccion, accion, "Huila", gestor=DEL_META)
    with pytest.raises(AccesoDenegado, match=r"'g-meta'.*Meta"):
        exigir(COORDINADOR, accion, "Huila", gestor=DEL_META)


def test_r26_registrar_el_formato_de_un_gestor_de_otra_regional_se_niega() -> None:
    propio = Usuario("g-meta", RolUsuario.GESTOR, "Huila")
    assert not puede(propio, Accion.REGISTRAR_FORMATO, "Huila", gestor=DEL_META)


def test_r26_gestor_none_es_el_propio_formato() -> None:
    usuario = Usuario("g-1", RolUsuario.GESTOR, "Huila")
    assert puede(usuario, Accion.REGISTRAR_FORMATO, "Huila", gestor=None)
    assert puede(usuario, Accion.REGISTRAR_FORMATO, "Huila", gestor="g-1")
