package cn.propertycompliance.api;

import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/regions/{code}}: the name and jurisdiction layers of a GB/T 2260 code. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

    private final RegionTable regions;

    RegionController(RegionTable regions) {
        this.regions = regions;
    }

    @GetMapping("/{code}")
    Region get(@PathVariable String code) {
        return regions.resolve(code).orElseThrow(() -> new NotFoundException("no GB/T 2260 division " + code));
    }
}
